import Foundation

/// Reads the One Call 4.0 envelope `{lat, lon, timezone, timezone_offset, data: [record…], prev, next}`
/// around records of one type, specialized per record type (see ``TimelineRecord/decodeTimelinePage(_:)``).
struct TimelinePageReader<Record: TimelineRecord & JSONReadable>: JSONReadable {
    var page: TimelinePage<Record>

    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var place = OneCallPlaceMembers()
        var records: [Record]?
        var previous: TimelineLink?
        var next: TimelineLink?
        while try r.nextMember(&cursor) {
            if r.key("data") {
                records = try r.consumeNull() ? [] : r.array(of: Record.self, reserving: Self.expectedCount)
            } else if r.key("next") {
                next = try Self.link(&r)
            } else if r.key("prev") {
                previous = try Self.link(&r)
            } else if try !place.read(&r) {
                try r.skipValue()
            }
        }
        let coordinates = try place.coordinates(r, in: cursor)
        guard let records else { throw r.missing("data", in: cursor) }
        page = TimelinePage(
            coordinates: coordinates, timeZoneIdentifier: place.timeZoneIdentifier,
            utcOffsetSeconds: place.offsetSeconds, records: records, previous: previous, next: next)
    }

    /// A full page's record count: room reserved once (a loop, not `map`: no array per page).
    static var expectedCount: Int {
        var count = 1
        for step in Record.timelineSteps where step.recordsPerPage > count { count = step.recordsPerPage }
        return count
    }

    /// A `prev`/`next` value: a link string to parse, or — `null`, a number, an object — absent.
    /// Anything but a well-formed JSON value is still an error.
    static func link(_ r: inout JSONReader) throws(JSONFailure) -> TimelineLink? {
        guard try r.peek() == UInt8(ascii: "\"") else {
            try r.skipValue()
            return nil
        }
        return try r.withStringBytes { TimelineLink.parse($0, accepting: Record.timelineSteps) }
    }
}

/// A response body whose cached form must differ from the body received: One Call 4.0 pages,
/// whose `prev`/`next` links carry the caller's API key.
protocol CacheableBody {
    /// `body` as it may be cached: already decoded successfully, so it is well-formed.
    static func cacheableBody(_ body: [UInt8]) -> [UInt8]
}

extension TimelinePage: CacheableBody {
    /// The body with each top-level `prev`/`next` string replaced by its key-free form (path,
    /// `start`, `cnt`: ``TimelineLink/keyFreeText``), or by `null` when it is not a link to this
    /// kind of page: the API key in OpenWeather's links never reaches a cache.
    static func cacheableBody(_ body: [UInt8]) -> [UInt8] {
        var replacements: [(range: Range<Int>, text: [UInt8])] = []
        let scanned: Bool = body.withUnsafeBytes { raw in
            guard !raw.isEmpty else { return false }
            var r = JSONReader(raw)
            do throws(JSONFailure) {
                var cursor = try r.beginObject()
                while try r.nextMember(&cursor) {
                    guard r.key("next") || r.key("prev"), try r.peek() == UInt8(ascii: "\"") else {
                        try r.skipValue()
                        continue
                    }
                    let start = r.pos
                    let link = try r.withStringBytes { TimelineLink.parse($0, accepting: Record.timelineSteps) }
                    let text = link.map { Array("\"\($0.keyFreeText)\"".utf8) } ?? Array("null".utf8)
                    replacements.append((start..<r.pos, text))
                }
                return true
            } catch {
                return false
            }
        }
        guard scanned, !replacements.isEmpty else { return body }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var copied = 0
        for replacement in replacements {
            out += body[copied..<replacement.range.lowerBound]
            out += replacement.text
            copied = replacement.range.upperBound
        }
        out += body[copied...]
        return out
    }
}
