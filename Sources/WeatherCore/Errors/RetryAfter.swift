package import Foundation

/// Parses the `Retry-After` header (RFC 9110, section 10.2.3): a number of seconds or an HTTP-date.
package enum RetryAfter {
    /// The longest wait honoured; a larger value (or a date further ahead) is clamped to it, so a
    /// broken header cannot park a client for days.
    package static let maximum: Duration = .seconds(86_400)

    /// How long to wait according to `value`, measured from `now` for an HTTP-date.
    ///
    /// Accepts delta-seconds (`120`) and the three HTTP-date forms: IMF-fixdate
    /// (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
    /// (`Sun Nov  6 08:49:37 1994`). A date in the past gives zero. Fractions of a second round up.
    /// Returns `nil` for anything else.
    package static func parse(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingWhitespace()
        guard !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            guard text.utf8.count <= 9, let seconds = Int(text) else { return maximum }
            return min(.seconds(seconds), maximum)
        }
        guard let date = httpDate(text) else { return nil }
        let seconds = (date.timeIntervalSince1970 - now.timeIntervalSince1970).rounded(.up)
        guard seconds > 0 else { return .zero }
        return seconds >= 86_400 ? maximum : .seconds(Int(seconds))
    }

    /// The instant of an HTTP-date in any of its three forms, or `nil`.
    package static func httpDate(_ text: String) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == ":" }).map(String.init)
        var rest = tokens[...]
        if let first = rest.first, weekdays.contains(first.lowercased()) { rest = rest.dropFirst() }
        let fields = Array(rest)
        let day: Int?
        let month: Int?
        var year: Int?
        let clock: ArraySlice<String>
        if fields.count == 6, let asctimeMonth = monthNumber(fields[0]) {
            // asctime: Nov 6 08:49:37 1994
            month = asctimeMonth
            day = Int(fields[1])
            clock = fields[2..<5]
            year = Int(fields[5])
        } else if fields.count == 7, fields[6] == "GMT" {
            // IMF-fixdate (06 Nov 1994 08:49:37 GMT) and RFC 850 (06 Nov 94 08:49:37 GMT)
            day = Int(fields[0])
            month = monthNumber(fields[1])
            year = Int(fields[2])
            if fields[2].count == 2, let short = year { year = short < 70 ? 2000 + short : 1900 + short }
            clock = fields[3..<6]
        } else {
            return nil
        }
        let parts = clock.compactMap { Int($0) }
        guard let day, let month, let year, parts.count == 3, (1...31).contains(day), (1970...9999).contains(year),
            (0...23).contains(parts[0]), (0...59).contains(parts[1]), (0...60).contains(parts[2])
        else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        return Date(timeIntervalSince1970: Double(days * 86_400 + parts[0] * 3600 + parts[1] * 60 + parts[2]))
    }

    static let weekdays: Set<String> = [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func monthNumber(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }
}
