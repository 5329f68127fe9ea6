import Foundation
import WeatherCore

/// Reads `--from`/`--to`: a day as `YYYY-MM-DD` (midnight UTC) or Unix seconds.
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
        guard let day = try? CalendarDate(parsing: trimmed) else {
            throw UsageError(
                message: "\(option) \"\(text)\" is not a date: write YYYY-MM-DD (UTC) or Unix seconds, e.g. 2024-03-15")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let components = DateComponents(year: day.year, month: day.month, day: day.day)
        guard let date = calendar.date(from: components) else {
            throw UsageError(message: "\(option) \"\(text)\" is not a date")
        }
        return date
    }
}
