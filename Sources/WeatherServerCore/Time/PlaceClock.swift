package import Foundation
package import WeatherCore

/// Wall-clock time at a place with a fixed UTC offset (what the 2.5 APIs send as `timezone`),
/// formatted the same on every machine and locale: `Tue 14:05`, `Tue 3 Dec`, `2026-12-03T14:05+01:00`.
package struct PlaceClock: Sendable, Equatable {
    /// The place's offset from UTC in seconds.
    package var utcOffsetSeconds: Int

    /// The clock of a place `utcOffsetSeconds` ahead of UTC.
    package init(utcOffsetSeconds: Int) { self.utcOffsetSeconds = utcOffsetSeconds }

    /// UTC itself (HTTP dates, ISO 8601 timestamps).
    package static let utc = PlaceClock(utcOffsetSeconds: 0)

    package static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    package static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The calendar fields of an instant in local time.
    package struct Fields: Equatable {
        package var year: Int
        package var month: Int
        package var day: Int
        package var hour: Int
        package var minute: Int
        package var second: Int
        /// 0 for Sunday … 6 for Saturday.
        package var weekday: Int

        /// `14:05:09`.
        package var timeOfDay: String { PlaceClock.two(hour) + ":" + PlaceClock.two(minute) + ":" + PlaceClock.two(second) }
    }

    /// Seconds since 1970-01-01 00:00 local time.
    package func localSeconds(of date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
    }

    /// Days since 1970-01-01 in local time (the local calendar day of `date`).
    package func dayNumber(of date: Date) -> Int {
        Self.floorDivide(localSeconds(of: date), 86_400)
    }

    /// The instant of local midnight starting day number `day`.
    package func startOfDay(_ day: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day * 86_400 - utcOffsetSeconds))
    }

    /// The local calendar fields of `date`.
    package func fields(of date: Date) -> Fields {
        let seconds = localSeconds(of: date)
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let (year, month, day) = (date.year, date.month, date.day)
        let weekday = ((days % 7) + 7 + 4) % 7
        return Fields(
            year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60,
            second: secondOfDay % 60, weekday: weekday)
    }

    /// `14:05`.
    package func time(of date: Date) -> String {
        let f = fields(of: date)
        return Self.two(f.hour) + ":" + Self.two(f.minute)
    }

    /// `Tue 14:05`.
    package func weekdayAndTime(of date: Date) -> String {
        Self.weekdays[fields(of: date).weekday] + " " + time(of: date)
    }

    /// `Tue 3`: the short label of a chart's day.
    package func shortDay(of date: Date) -> String {
        let f = fields(of: date)
        return Self.weekdays[f.weekday] + " " + String(f.day)
    }

    /// `Tue 3 Dec`: a table's day.
    package func day(of date: Date) -> String {
        let f = fields(of: date)
        return Self.weekdays[f.weekday] + " " + String(f.day) + " " + Self.months[f.month - 1]
    }

    /// `2026-12-03T14:05+01:00`, for `<time datetime>`.
    package func iso8601(_ date: Date) -> String {
        let f = fields(of: date)
        let offset = abs(utcOffsetSeconds)
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        return "\(f.year)-\(Self.two(f.month))-\(Self.two(f.day))T\(Self.two(f.hour)):\(Self.two(f.minute))"
            + "\(sign)\(Self.two(offset / 3600)):\(Self.two(offset % 3600 / 60))"
    }

    /// `UTC+1`, `UTC−5:30`, `UTC`.
    package var offsetText: String {
        guard utcOffsetSeconds != 0 else { return "UTC" }
        let magnitude = abs(utcOffsetSeconds)
        let minutes = magnitude % 3600 / 60
        return "UTC" + (utcOffsetSeconds < 0 ? "−" : "+") + String(magnitude / 3600)
            + (minutes == 0 ? "" : ":" + Self.two(minutes))
    }

    package static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    package static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
