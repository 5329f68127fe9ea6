public import Foundation

/// A government weather alert: an entry of One Call 3.0's `alerts[]`, or the response of One Call
/// 4.0's `/data/4.0/onecall/alert/{id}`.
///
/// One Call 4.0 sends the description as a list of translations and the event often as `""`:
/// ``descriptions`` keeps every translation, ``description`` holds the English one (or the first),
/// and an empty event falls back to the first tag.
public struct WeatherAlert: Sendable, Equatable, Codable {
    /// Who issued it (`sender_name`).
    public var senderName: String
    /// The event, e.g. `Small Craft Advisory` (`event`); when OpenWeather sends `""`, the first of
    /// ``tags`` (One Call 4.0 leaves it empty).
    public var event: String
    /// When it starts (`start`).
    public var start: Date
    /// When it ends (`end`).
    public var end: Date
    /// The full text (`description`): the string as sent, or from a list of translations the
    /// English one, else the first.
    public var description: String
    /// The kinds of severe weather it concerns (`tags`); empty when absent.
    public var tags: [String]
    /// One Call 4.0: the alert's id (`id`), as records list it; `nil` when not sent (and in 3.0).
    public var id: String? = nil
    /// One Call 4.0: every translation of the description (`description` as a list of
    /// `{language, description}`); `nil` when the description came as one string.
    public var descriptions: [LocalizedText]? = nil

    /// The description in `language` (a code such as `it` or a tag such as `it-IT`) when a
    /// translation in it exists, else the English one, else ``description``.
    public func description(preferring language: String?) -> String {
        descriptions?.text(preferring: language) ?? description
    }
}

extension WeatherAlert: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var fields = AlertFields()
        while try r.nextMember(&cursor) {
            if try !fields.read(&r) { try r.skipValue() }
        }
        self = try fields.alert(r, in: cursor)
    }
}

extension WeatherAlert: OpenWeatherDecodable {
    /// Decodes a `/data/4.0/onecall/alert/{id}` response body: the bare object, or the same object
    /// wrapped as `{"data": [{…}]}`.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/decodingFailed`` naming the JSON path.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes, as: AlertDocument.self).alert
    }
}

extension WeatherAlert: CacheLifetimeProviding {
    /// The longest an alert detail is kept fresh: a day, so a correction or cancellation is seen.
    public static var longestFreshness: Duration { .seconds(86400) }

    /// Until the alert ends, at most ``longestFreshness``; `nil` (the family's rule) once it has
    /// ended. The client never keeps it fresh for less than the family's rule.
    public func freshness(now: Date) -> Duration? {
        let left = end.timeIntervalSince(now)
        guard left > 0 else { return nil }
        return min(.milliseconds(Int64((left * 1000).rounded(.down))), Self.longestFreshness)
    }
}

/// The alert detail document: a bare alert, or `{"data": [alert, …]}` (the first is taken).
struct AlertDocument: JSONReadable {
    var alert: WeatherAlert

    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var fields = AlertFields()
        var wrapped: WeatherAlert?
        while try r.nextMember(&cursor) {
            if r.key("data") {
                _ = try r.peek()
                let listStart = r.pos
                var elements = try r.beginArray()
                var index = 0
                while try r.nextElement(&elements) {
                    if index == 0 { wrapped = try WeatherAlert(reading: &r) } else { try r.skipValue() }
                    index += 1
                }
                if index == 0 {
                    throw JSONFailure(reason: .invalidValue("data holds no alert"), offset: listStart)
                }
            } else if try !fields.read(&r) {
                try r.skipValue()
            }
        }
        if let wrapped, !fields.hasStart {
            alert = wrapped
        } else {
            alert = try fields.alert(r, in: cursor)
        }
    }
}

/// The members of one alert object, read wherever they stand.
struct AlertFields {
    var senderName = ""
    var event = ""
    var start: Date?
    var end: Date?
    var description = ""
    var descriptions: [LocalizedText]?
    var tags: [String] = []
    var id: String?

    var hasStart: Bool { start != nil }

    /// Reads the current member when it is an alert field; `false`, reading nothing, otherwise.
    mutating func read(_ r: inout JSONReader) throws(JSONFailure) -> Bool {
        if r.key("sender_name") {
            senderName = try r.optionalString() ?? ""
        } else if r.key("event") {
            event = try r.optionalString() ?? ""
        } else if r.key("start") {
            start = try r.date()
        } else if r.key("end") {
            end = try r.date()
        } else if r.key("description") {
            if try r.consumeNull() {
                description = ""
            } else if try r.peek() == UInt8(ascii: "[") {
                let list = try r.array(of: LocalizedText.self)
                descriptions = list
                description = list.text(preferring: nil) ?? ""
            } else {
                description = try r.string()
            }
        } else if r.key("tags") {
            tags = try r.consumeNull() ? [] : r.stringArray()
        } else if r.key("id") {
            id = try r.optionalString()
        } else {
            return false
        }
        return true
    }

    func alert(_ r: JSONReader, in cursor: ObjectCursor) throws(JSONFailure) -> WeatherAlert {
        guard let start else { throw r.missing("start", in: cursor) }
        guard let end else { throw r.missing("end", in: cursor) }
        return WeatherAlert(
            senderName: senderName, event: event.isEmpty ? (tags.first ?? "") : event, start: start, end: end,
            description: description, tags: tags, id: id, descriptions: descriptions)
    }
}

extension LocalizedText: JSONReadable {
    /// Reads `{"language": "en-GB", "description": "…"}` (also `text` for the text).
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var language = ""
        var text = ""
        while try r.nextMember(&cursor) {
            if r.key("language") {
                language = try r.optionalString() ?? ""
            } else if r.key("description") || r.key("text") {
                text = try r.optionalString() ?? ""
            } else {
                try r.skipValue()
            }
        }
        self.init(language: language, text: text)
    }
}
