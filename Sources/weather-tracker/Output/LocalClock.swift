import Foundation

/// Wall-clock text at a place with a fixed UTC offset, independent of the machine's zone and locale.
struct LocalClock {
    /// Seconds east of UTC.
    let utcOffsetSeconds: Int
    private let calendar: Calendar

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    init(utcOffsetSeconds: Int) {
        self.utcOffsetSeconds = utcOffsetSeconds
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetSeconds) ?? TimeZone(secondsFromGMT: 0)!
        self.calendar = calendar
    }

    /// `14:05`.
    func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(Self.pad(parts.hour ?? 0)):\(Self.pad(parts.minute ?? 0))"
    }

    /// `Fri 27 Nov`.
    func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month], from: date)
        return "\(Self.weekdays[(parts.weekday ?? 1) - 1]) \(parts.day ?? 1) \(Self.months[(parts.month ?? 1) - 1])"
    }

    /// `Fri 27 Nov 14:05`.
    func dayAndTime(_ date: Date) -> String { "\(day(date)) \(time(date))" }

    /// A key that is equal for instants on the same local day (for grouping).
    func dayKey(_ date: Date) -> Int {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0)
    }

    /// `UTC+01:00`, `UTC-05:30`, `UTC`.
    var zoneText: String {
        guard utcOffsetSeconds != 0 else { return "UTC" }
        let minutes = abs(utcOffsetSeconds) / 60
        return "UTC\(utcOffsetSeconds < 0 ? "-" : "+")\(Self.pad(minutes / 60)):\(Self.pad(minutes % 60))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
