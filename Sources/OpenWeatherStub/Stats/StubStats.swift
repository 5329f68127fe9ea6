/// What the stub has seen since it started (or since ``OpenWeatherStub/resetStats()``).
///
/// Requests to `/__stub/…` are not counted, so reading the stats does not change them.
public struct StubStats: Sendable, Equatable {
    /// Every request received.
    public var requests: Int = 0
    /// Requests per path (without the query), e.g. `"/data/2.5/weather": 3`.
    public var requestsByPath: [String: Int] = [:]
    /// TCP connections accepted: with keep-alive this stays far below ``requests``.
    public var connectionsAccepted: Int = 0
    /// Connections currently open.
    public var connectionsOpen: Int = 0
    /// Requests whose connection was closed by the client before the response was complete
    /// (a cancelled or timed-out client).
    public var requestsAbandoned: Int = 0

    /// Creates empty stats.
    public init() {}
}

extension StubStats {
    /// The stats as the JSON object served at `GET /__stub/stats`.
    public var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("requests", requests)
        writer.field("connections_accepted", connectionsAccepted)
        writer.field("connections_open", connectionsOpen)
        writer.field("requests_abandoned", requestsAbandoned)
        writer.beginObject("paths")
        for (path, count) in requestsByPath.sorted(by: { $0.key < $1.key }) { writer.field(path, count) }
        writer.endObject()
        writer.endObject()
        return writer.text
    }
}
