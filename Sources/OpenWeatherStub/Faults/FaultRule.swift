/// One injected fault: what, where (a path prefix, or every path) and how many times.
public struct FaultRule: Sendable, Equatable {
    /// The fault to inject.
    public var fault: StubFault
    /// Requests whose path starts with this prefix are affected; `nil` affects every path.
    public var pathPrefix: String?
    /// How many more requests the rule affects; `nil` means until it is removed.
    public var remaining: Int?

    /// Creates a rule. `times: 3` fails the next three matching requests, then the rule expires.
    public init(_ fault: StubFault, pathPrefix: String? = nil, times: Int? = nil) {
        self.fault = fault
        self.pathPrefix = pathPrefix
        self.remaining = times
    }

    /// Whether the rule applies to `path`.
    func matches(_ path: String) -> Bool {
        guard remaining.map({ $0 > 0 }) ?? true else { return false }
        guard let pathPrefix else { return true }
        return path.hasPrefix(pathPrefix)
    }
}
