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
