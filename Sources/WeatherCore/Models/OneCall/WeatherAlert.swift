public import Foundation

/// A government weather alert from One Call (`alerts[]`).
public struct WeatherAlert: Sendable, Equatable, Encodable {
    /// Who issued it (`sender_name`).
    public var senderName: String
    /// The event, e.g. `Small Craft Advisory` (`event`).
    public var event: String
    /// When it starts (`start`).
    public var start: Date
    /// When it ends (`end`).
    public var end: Date
    /// The full text (`description`).
    public var description: String
    /// The kinds of severe weather it concerns (`tags`).
    public var tags: [String]
}

extension WeatherAlert: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var senderName = ""
        var event = ""
        var start: Date?
        var end: Date?
        var description = ""
        var tags: [String] = []
        while try r.nextMember(&cursor) {
            if r.key("sender_name") {
                senderName = try r.string()
            } else if r.key("event") {
                event = try r.string()
            } else if r.key("start") {
                start = try r.date()
            } else if r.key("end") {
                end = try r.date()
            } else if r.key("description") {
                description = try r.string()
            } else if r.key("tags") {
                tags = try r.consumeNull() ? [] : r.stringArray()
            } else {
                try r.skipValue()
            }
        }
        guard let start else { throw r.missing("start", in: cursor) }
        guard let end else { throw r.missing("end", in: cursor) }
        self.init(senderName: senderName, event: event, start: start, end: end, description: description, tags: tags)
    }
}
