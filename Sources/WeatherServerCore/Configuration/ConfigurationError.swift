/// A configuration value the service cannot start with.
///
/// Its ``description`` is the one line the service prints before exiting with status 2: the
/// variable (or flag) and what is wrong with it. It never contains a secret's value.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable the value came from (flags are reported under the same name).
    public var variable: String
    /// What is wrong and what would be accepted.
    public var problem: String

    /// Creates an error for `variable`.
    public init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    /// `invalid configuration: PORT: must be an integer in 1...65535 (got "80a")`.
    public var description: String { "invalid configuration: \(variable): \(problem)" }
}
