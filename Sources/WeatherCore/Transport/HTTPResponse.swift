/// An HTTP response as a transport received it.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200 or 404.
    public var status: Int
    /// Header fields with lower-cased names; a repeated field keeps its last value.
    public var headers: [String: String]
    /// The body, already decompressed by the transport.
    public var body: [UInt8]

    /// Creates a response. Header names are lower-cased.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
        self.body = body
    }

    /// Returns the value of the header `name` (case-insensitive).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
