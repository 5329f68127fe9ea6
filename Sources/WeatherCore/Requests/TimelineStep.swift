public import Foundation

/// The step of a timeline: minutes, quarter hours, hours or days.
///
/// Each step is one endpoint (One Call 4.0's `/timeline/1min`, `/15min`, `/1h`, `/1day`) with a
/// fixed page size and a span of time it offers. The raw value is the endpoint's path segment.
public enum TimelineStep: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// One record a minute, `1min`: precipitation for the next 60 minutes, one page of 60.
    case minute = "1min"
    /// One record a quarter hour, `15min`: the next 48 hours, pages of 50.
    case quarterHour = "15min"
    /// One record an hour, `1h`: from 1979-01-01 to 48 hours ahead, pages of 20.
    case hour = "1h"
    /// One record a day, `1day`: from 1979-01-01 to about 548 days ahead, pages of 10.
    case day = "1day"

    /// The time between two records, in seconds: 60, 900, 3600, 86400.
    public var seconds: Int64 {
        switch self {
        case .minute: 60
        case .quarterHour: 900
        case .hour: 3600
        case .day: 86400
        }
    }

    /// The time between two records.
    public var duration: Duration { .seconds(seconds) }

    /// The most records one response holds (and the largest `cnt`): 60, 50, 20, 10.
    public var recordsPerPage: Int {
        switch self {
        case .minute: 60
        case .quarterHour: 50
        case .hour: 20
        case .day: 10
        }
    }

    /// The time one full page covers, in seconds (`recordsPerPage × seconds`).
    public var pageSeconds: Int64 { Int64(recordsPerPage) * seconds }

    /// The endpoint that serves this step.
    public var endpoint: Endpoint {
        switch self {
        case .minute: .oneCall4Minutely
        case .quarterHour: .oneCall4QuarterHourly
        case .hour: .oneCall4Hourly
        case .day: .oneCall4Daily
        }
    }

    /// The step an endpoint serves, or `nil` for an endpoint that is not a timeline.
    public init?(endpoint: Endpoint) {
        guard let step = Self.allCases.first(where: { $0.endpoint == endpoint }) else { return nil }
        self = step
    }

    /// 1979-01-01T00:00:00Z, the first instant of the hourly and daily history.
    public static let firstHistoricalInstant = Date(timeIntervalSince1970: 283_996_800)

    /// How far ahead the daily timeline reaches: about 18 months (548 days).
    public static let dailyHorizonDays: Int64 = 548

    /// The instants a `start` may name at `now`, both ends aligned to the step grid: the minute and
    /// quarter-hour timelines offer only the future (the next 60 minutes, the next 48 hours, from
    /// the step that holds `now`), the hourly and daily ones reach back to 1979-01-01 and ahead 48
    /// hours and 548 days.
    public func span(now: Date) -> ClosedRange<Date> {
        let current = alignedDown(now)
        let ahead: Int64
        switch self {
        case .minute: ahead = 3600
        case .quarterHour, .hour: ahead = 48 * 3600
        case .day: ahead = Self.dailyHorizonDays * 86400
        }
        let first: Date
        switch self {
        case .minute, .quarterHour: first = current
        case .hour, .day: first = Self.firstHistoricalInstant
        }
        let last = alignedDown(now.addingTimeInterval(TimeInterval(ahead)))
        return first...max(first, last)
    }

    /// `date` rounded down to the step grid, in UTC: the whole minute, quarter hour, hour or
    /// UTC day (00:00Z). Days are UTC days, not the place's: OpenWeather stamps a daily record at
    /// local noon and starts a page at the local day holding `start`, so west of UTC a page that
    /// starts at 00:00Z begins with the local day before (a range walk trims it off).
    public func alignedDown(_ date: Date) -> Date {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var aligned = seconds - seconds % self.seconds
        if seconds < 0 && seconds % self.seconds != 0 { aligned -= self.seconds }
        return Date(timeIntervalSince1970: TimeInterval(aligned))
    }

    /// The raw value, e.g. `1h`.
    public var description: String { rawValue }
}
