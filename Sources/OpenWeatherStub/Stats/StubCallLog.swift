/// One counted request: when it arrived (wall-clock milliseconds since 1970) and its path —
/// never its query, which holds the API key.
struct StubCall: Sendable, Equatable {
    var at: Int
    var path: String
}

/// The most recent counted requests, so a test can check what upstream saw in any time window
/// (`GET /__stub/calls`): a bounded ring, oldest dropped first.
struct StubCallLog: Sendable {
    /// The most calls kept.
    static let capacity = 200_000
    private var ring: [StubCall] = []
    private var start = 0

    mutating func append(_ call: StubCall) {
        if ring.count < Self.capacity {
            ring.append(call)
        } else {
            ring[start] = call
            start = (start + 1) % Self.capacity
        }
    }

    /// The calls, oldest first.
    var calls: [StubCall] { Array(ring[start...]) + Array(ring[..<start]) }

    /// `{"calls":[[ms,"path"],…]}`, oldest first.
    var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.beginArray("calls")
        for call in calls {
            writer.beginArray()
            writer.value(call.at)
            writer.value(call.path)
            writer.endArray()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
