import Foundation
import WeatherCore

/// Reads `--from`/`--to`: a day as `YYYY-MM-DD` (midnight UTC), an RFC 3339 instant
/// (`2026-03-15T14:30:00Z`, `2026-03-15T15:30:00+01:00`, fractions allowed) or Unix seconds.
enum DateArgument {
    /// The instant `text` names.
    ///
    /// - Throws: ``UsageError`` for anything else, with an example.
    static func parse(_ text: String, option: String) throws -> Date {
        let trimmed = text.trimmingWhitespace()
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let seconds = Int64(trimmed)
        {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        if trimmed.contains("T") || trimmed.contains("t") {
            if let instant = rfc3339(trimmed) { return instant }
            throw UsageError(
                message: "\(option) \"\(text)\" is not a date: write YYYY-MM-DD (UTC), an RFC 3339 time such as "
                    + "2024-03-15T14:30:00Z, or Unix seconds")
        }
        guard let day = try? CalendarDate(parsing: trimmed) else {
            throw UsageError(
                message: "\(option) \"\(text)\" is not a date: write YYYY-MM-DD (UTC), an RFC 3339 time such as "
                    + "2024-03-15T14:30:00Z, or Unix seconds")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let components = DateComponents(year: day.year, month: day.month, day: day.day)
        guard let date = calendar.date(from: components) else {
            throw UsageError(message: "\(option) \"\(text)\" is not a date")
        }
        return date
    }

    /// An RFC 3339 date-time (`T` or `t`, `Z` or an offset, optional fraction), or `nil`.
    static func rfc3339(_ text: String) -> Date? {
        let normalized = text.uppercased()
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: normalized) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: normalized)
    }
}
