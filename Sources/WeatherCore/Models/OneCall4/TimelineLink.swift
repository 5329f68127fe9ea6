public import Foundation

/// Where a One Call 4.0 `prev` or `next` link points: the timeline step, the `start` and the
/// `cnt` it names, and nothing else.
///
/// OpenWeather's links carry the caller's API key (`appid=…`), so the link text is never kept:
/// only these parsed parts are. Follow a link by building a new request from ``start``
/// (``OpenWeatherRequest/timeline(_:step:start:count:language:now:)``) with your own key, units
/// and language — never by fetching the link.
public struct TimelineLink: Sendable, Hashable, Encodable {
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
    /// or `cnt` that is not a plain decimal number, a repeated `start`.
    static func parse(_ bytes: some Collection<UInt8>, accepting steps: [TimelineStep]) -> TimelineLink? {
        let text = Array(bytes)
        // The fragment is never part of the request.
        let end = text.firstIndex(of: UInt8(ascii: "#")) ?? text.count
        let queryStart = text[..<end].firstIndex(of: UInt8(ascii: "?")) ?? end
        let target = text[..<queryStart]
        let path: ArraySlice<UInt8>
        if target.first == UInt8(ascii: "/") {
            path = target
        } else if let scheme = Self.find(Array("://".utf8), in: target) {
            let authority = target[(scheme + 3)...]
            guard let slash = authority.firstIndex(of: UInt8(ascii: "/")) else { return nil }
            path = target[slash...]
        } else {
            return nil
        }
        guard
            let step = steps.first(where: { step in
                let expected = Array(step.endpoint.path.utf8)
                return path.count >= expected.count && Array(path.suffix(expected.count)) == expected
            })
        else { return nil }

        var start: Int64?
        var count: Int?
        if queryStart < end {
            for item in text[(queryStart + 1)..<end].split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
                guard let equals = item.firstIndex(of: UInt8(ascii: "=")) else { continue }
                let name = item[..<equals]
                let value = item[(equals + 1)...]
                if name.elementsEqual("start".utf8) {
                    guard start == nil, let seconds = Self.decimal(value, maxDigits: 12) else { return nil }
                    start = seconds
                } else if name.elementsEqual("cnt".utf8) {
                    guard count == nil, let number = Self.decimal(value, maxDigits: 4) else { return nil }
                    count = Int(number)
                }
            }
        }
        guard let start else { return nil }
        return TimelineLink(step: step, start: Date(timeIntervalSince1970: TimeInterval(start)), count: count)
    }

    /// A non-negative decimal number of 1 to `maxDigits` ASCII digits.
    private static func decimal(_ digits: ArraySlice<UInt8>, maxDigits: Int) -> Int64? {
        guard (1...maxDigits).contains(digits.count) else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The index of the first occurrence of `needle` in `haystack`.
    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
