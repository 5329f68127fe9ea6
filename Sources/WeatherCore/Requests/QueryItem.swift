/// One `name=value` pair of a request's query, with the value already percent-encoded.
///
/// Values are encoded once, by the request builder, so that separators the API defines (the
/// commas of `q=London,GB`) stay literal while the same characters inside a part are encoded.
public struct QueryItem: Sendable, Hashable, CustomStringConvertible {
    /// The parameter name, e.g. `q`, `lat`, `units`. Names are plain ASCII and never encoded.
    public let name: String
    /// The value, percent-encoded.
    public let encodedValue: String

    /// Creates an item from a raw value, percent-encoding it.
    public init(name: String, value: String) {
        self.name = name
        self.encodedValue = PercentEncoding.encode(value)
    }

    /// Creates an item from parts joined by a literal comma, each percent-encoded on its own
    /// (`q=city,state,country`, `zip=code,country`, `exclude=minutely,alerts`).
    public init(name: String, commaSeparated parts: [String]) {
        self.name = name
        self.encodedValue = parts.map(PercentEncoding.encode).joined(separator: ",")
    }

    /// `name=encodedValue`. Never a secret: the API key is not a query item of a request model.
    public var description: String { "\(name)=\(encodedValue)" }
}
