/// A day on the calendar, without a time or a zone: the `date=YYYY-MM-DD` of One Call's
/// `day_summary` and `overview`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1–9999.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31 (checked against the month and leap years).
    public let day: Int

    /// Creates a date, checking that it exists (no 31 April, 29 February only in leap years).
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for a day that does not exist.
    public init(year: Int, month: Int, day: Int) throws(WeatherError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else {
            throw .invalidRequest(
                "The date \(year)-\(month)-\(day) does not exist: give a real day as YYYY-MM-DD, e.g. 2024-03-15.")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (exactly that shape: four, two and two digits).
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for any other text or a day that
    ///   does not exist.
    public init(parsing text: String) throws(WeatherError) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else {
            throw .invalidRequest("\"\(text)\" is not a date: write it as YYYY-MM-DD, e.g. 2024-03-15.")
        }
        try self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`, zero-padded.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Orders chronologically.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
