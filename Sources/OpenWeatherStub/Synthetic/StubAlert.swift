/// A weather alert the stub invents, in the shape One Call 4.0's `alert/{id}` serves it live.
struct StubAlert: Sendable, Equatable {
    /// CAP-style id with `:` in it, e.g. `2.49.0.0.276.0.DE.260331040000.W:Heat:0001`.
    var id: String
    var senderName: String
    /// The event name the documented shape has (the live service sends `""`).
    var event: String
    /// When the alert is issued: from then on its id appears in timelines and its detail answers.
    var issued: Int
    var start: Int
    var end: Int
    /// `description` per BCP-47 language tag, English first.
    var descriptions: [(language: String, text: String)]
    var tags: [String]

    static func == (lhs: StubAlert, rhs: StubAlert) -> Bool { lhs.id == rhs.id && lhs.start == rhs.start }

    /// Whether the alert's window overlaps `[from, to)`.
    func overlaps(from: Int, to: Int) -> Bool { start < to && from < end }

    /// The detail object, with `quirks` applied to its shape.
    func json(quirks: Set<OneCall4Quirk>) -> String {
        var w = JSONWriter()
        write(to: &w, quirks: quirks, withID: true)
        return w.text
    }

    /// The alert as one object of One Call 3.0's `alerts`: no id, the event named, the English text.
    func writeOneCall3(to w: inout JSONWriter) {
        write(to: &w, quirks: [.alertEventFilled, .alertDescriptionString], withID: false)
    }

    private func write(to w: inout JSONWriter, quirks: Set<OneCall4Quirk>, withID: Bool) {
        w.beginObject()
        if withID { w.field("id", id) }
        w.field("sender_name", senderName)
        w.field("event", quirks.contains(.alertEventFilled) ? event : "")
        w.field("start", start)
        w.field("end", end)
        if quirks.contains(.alertDescriptionString) {
            w.field("description", descriptions.first?.text ?? "")
        } else {
            w.beginArray("description")
            for (language, text) in descriptions {
                w.beginObject()
                w.field("language", language)
                w.field("description", text)
                w.endObject()
            }
            w.endArray()
        }
        if !quirks.contains(.alertTagsAbsent) {
            w.beginArray("tags")
            for tag in tags { w.value(tag) }
            w.endArray()
        }
        w.endObject()
    }
}
