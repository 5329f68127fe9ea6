public import Foundation

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

/// A response that knows the time zone of its place, so its instants can be read as local time.
public protocol PlaceTimeZoneProviding {
    /// The place's time zone: a fixed UTC offset (2.5 APIs) or an IANA zone (One Call).
    var timeZone: TimeZone { get }
}

extension PlaceTimeZoneProviding {
    /// The local wall-clock time of `date` at this place (daylight saving time included for IANA zones).
    public func localTime(of date: Date) -> DateComponents {
        LocalTime.components(of: date, in: timeZone)
    }
}
