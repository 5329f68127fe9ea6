import Foundation

/// Local wall-clock time at a place, from either a fixed UTC offset or an IANA zone.
enum LocalTime {
    /// The calendar fields of `date` in `timeZone` (year … second, weekday, and the zone itself).
    static func components(of date: Date, in timeZone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents(
            [.timeZone, .year, .month, .day, .hour, .minute, .second, .weekday], from: date)
    }

    /// A zone for a UTC offset in seconds; UTC when the offset is out of range.
    static func timeZone(secondsFromGMT seconds: Int) -> TimeZone {
        TimeZone(secondsFromGMT: seconds) ?? TimeZone(secondsFromGMT: 0)!
    }
}
