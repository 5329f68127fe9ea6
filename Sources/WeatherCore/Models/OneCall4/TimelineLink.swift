public import Foundation

/// Where a One Call 4.0 `prev` or `next` link points: the timeline step, the `start` and the
/// `cnt` it names, and nothing else.
///
/// OpenWeather's links carry the caller's API key (`appid=…`), so the link text is never kept:
/// only these parsed parts are. Follow a link by building a new request from ``start``
/// (``OpenWeatherRequest/timeline(_:step:start:count:language:now:)``) with your own key, units
/// and language — never by fetching the link.
public struct TimelineLink: Sendable, Hashable, Codable {
    /// The timeline the link's path names (`/data/4.0/onecall/timeline/1h` is ``TimelineStep/hour``).
    public var step: TimelineStep
    /// The `start` query item: the first record's time on the linked page.
    public var start: Date
    /// The `cnt` query item, when the link has one (OpenWeather writes `cnt=10` in daily links).
    public var count: Int?

    /// Creates a link.
    public init(step: TimelineStep, start: Date, count: Int? = nil) {
        self.step = step
        self.start = start
        self.count = count
    }

    /// The link as it is kept in a cache: path, `start` and `cnt`, no host and no key.
    var keyFreeText: String {
        var text = step.endpoint.path + "?start=" + String(Int64(start.timeIntervalSince1970))
        if let count { text += "&cnt=" + String(count) }
        return text
    }
}

extension TimelineLink {
    /// Parses a link's UTF-8 `bytes`: an absolute URL (`https://host/path?query`) or an absolute
    /// path (`/path?query`) whose path is one of `steps`' endpoint paths (after any prefix a base
    /// URL adds). `nil` for anything else: another path (a foreign link), no `start`, a `start`
    /// or `cnt` that is not a plain decimal number, a repeated `start` or `cnt`.
    static func parse(_ bytes: some Collection<UInt8>, accepting steps: [TimelineStep]) -> TimelineLink? {
        if let parsed = bytes.withContiguousStorageIfAvailable({ parse($0, accepting: steps) }) { return parsed }
        return Array(bytes).withUnsafeBufferPointer { parse($0, accepting: steps) }
    }

    /// ``parse(_:accepting:)`` over contiguous bytes, without allocating: it runs for every page decoded.
    static func parse(_ text: UnsafeBufferPointer<UInt8>, accepting steps: [TimelineStep]) -> TimelineLink? {
        // The fragment is never part of the request.
        var end = 0
        while end < text.count && text[end] != UInt8(ascii: "#") { end += 1 }
        var queryStart = 0
        while queryStart < end && text[queryStart] != UInt8(ascii: "?") { queryStart += 1 }
        // The path: from the first "/" of an absolute path, or the first "/" after "scheme://host".
        var pathStart: Int
        if queryStart > 0 && text[0] == UInt8(ascii: "/") {
            pathStart = 0
        } else {
            var i = 0
            while i + 2 < queryStart
                && !(text[i] == UInt8(ascii: ":") && text[i + 1] == UInt8(ascii: "/") && text[i + 2] == UInt8(ascii: "/"))
            {
                i += 1
            }
            guard i + 2 < queryStart else { return nil }
            pathStart = i + 3
            while pathStart < queryStart && text[pathStart] != UInt8(ascii: "/") { pathStart += 1 }
            guard pathStart < queryStart else { return nil }
        }
        guard let step = steps.first(where: { pathEnds(text, pathStart..<queryStart, with: $0.endpoint.path) }) else {
            return nil
        }

        var start: Int64?
        var count: Int64?
        var item = queryStart + 1
        while item < end {
            var itemEnd = item
            while itemEnd < end && text[itemEnd] != UInt8(ascii: "&") { itemEnd += 1 }
            var equals = item
            while equals < itemEnd && text[equals] != UInt8(ascii: "=") { equals += 1 }
            if equals < itemEnd {
                let name = item..<equals
                let value = (equals + 1)..<itemEnd
                if matches(text, name, "start") {
                    guard start == nil, let seconds = decimal(text, value, maxDigits: 12) else { return nil }
                    start = seconds
                } else if matches(text, name, "cnt") {
                    guard count == nil, let number = decimal(text, value, maxDigits: 4) else { return nil }
                    count = number
                }
            }
            item = itemEnd + 1
        }
        guard let start else { return nil }
        return TimelineLink(
            step: step, start: Date(timeIntervalSince1970: TimeInterval(start)), count: count.map { Int($0) })
    }

    /// Whether `text[range]` ends with `path`.
    private static func pathEnds(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, with path: String) -> Bool {
        var path = path
        return path.withUTF8 { expected in
            guard range.count >= expected.count else { return false }
            var i = range.upperBound - expected.count
            for byte in expected {
                guard text[i] == byte else { return false }
                i += 1
            }
            return true
        }
    }

    /// Whether `text[range]` is exactly `literal`.
    private static func matches(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let bytes = literal.utf8Start
        for (offset, index) in range.enumerated() where text[index] != bytes[offset] { return false }
        return true
    }

    /// A non-negative decimal number of 1 to `maxDigits` ASCII digits.
    private static func decimal(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, maxDigits: Int) -> Int64? {
        guard (1...maxDigits).contains(range.count) else { return nil }
        var value: Int64 = 0
        for index in range {
            let digit = text[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }
}
