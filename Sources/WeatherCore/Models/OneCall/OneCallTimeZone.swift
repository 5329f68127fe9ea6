import Foundation

/// A One Call place's zone: the IANA identifier when Foundation knows it, else the fixed offset.
enum OneCallTimeZone {
    static func resolve(identifier: String, offsetSeconds: Int) -> TimeZone {
        TimeZone(identifier: identifier) ?? LocalTime.timeZone(secondsFromGMT: offsetSeconds)
    }

    /// Parses One Call's `tz` (`+02:00`, `-05:30`) into seconds east of UTC.
    static func offsetSeconds(of text: String) -> Int? {
        let utf8 = Array(text.utf8)
        guard utf8.count == 6, utf8[0] == UInt8(ascii: "+") || utf8[0] == UInt8(ascii: "-"),
            utf8[3] == UInt8(ascii: ":"),
            let hours = Int(String(decoding: utf8[1...2], as: UTF8.self)),
            let minutes = Int(String(decoding: utf8[4...5], as: UTF8.self))
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return utf8[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// The fixed-offset zone for One Call's `tz` text, or `nil` if it is not `±HH:MM`.
    static func zone(ofOffsetText text: String) -> TimeZone? {
        offsetSeconds(of: text).flatMap { TimeZone(secondsFromGMT: $0) }
    }
}
