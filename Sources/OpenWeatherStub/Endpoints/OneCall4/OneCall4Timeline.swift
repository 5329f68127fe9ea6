/// The three paginated One Call 4.0 timelines: their grid, page size and span.
///
/// | timeline | records at | page | span |
/// |---|---|---|---|
/// | `15min` | quarter hours | 50 | the next quarter hour and 191 more (48 h) |
/// | `1h` | whole hours (UTC) | 20 | 1979-01-01T00:00Z to the current hour + 47 h |
/// | `1day` | 12:00 local time | 10 | the first local noon from 1979-01-01T00:00Z to today + 547 days |
enum OneCall4Timeline: String, Sendable, CaseIterable {
    case quarterHour = "15min"
    case hour = "1h"
    case day = "1day"

    /// 1979-01-01T00:00:00Z, where the archive of `1h` and `1day` begins.
    static let archiveStart = 283_996_800

    /// `/data/4.0/onecall/timeline/15min`, `…/1h`, `…/1day`.
    var path: String { "/data/4.0/onecall/timeline/\(rawValue)" }

    /// Seconds between records (a day is 86 400 here; local noons can be an hour more or less apart).
    var step: Int {
        switch self {
        case .quarterHour: return 900
        case .hour: return 3600
        case .day: return 86_400
        }
    }

    /// Records per page, and the largest `cnt`.
    var pageMaximum: Int {
        switch self {
        case .quarterHour: return 50
        case .hour: return 20
        case .day: return 10
        }
    }

    /// Whether a `start` before 1979 is refused (the forecast-only `15min` clamps it to its first slot).
    var hasArchive: Bool { self != .quarterHour }

    /// The record time at or before `time` on this grid (for `1day`: noon of the local day containing it).
    func align(_ time: Int, place: SyntheticPlace) -> Int {
        switch self {
        case .quarterHour, .hour: return Self.floor(time, step) * step
        case .day: return Self.localNoon(day: Self.localDay(time, place: place), place: place)
        }
    }

    /// The record after the one at `time`.
    func following(_ time: Int, place: SyntheticPlace) -> Int {
        switch self {
        case .quarterHour, .hour: return time + step
        case .day: return Self.localNoon(day: Self.localDay(time, place: place) + 1, place: place)
        }
    }

    /// The first record of the span at `now`.
    func first(place: SyntheticPlace, now: Int) -> Int {
        switch self {
        case .quarterHour: return (Self.floor(now, 900) + 1) * 900
        case .hour: return Self.archiveStart
        case .day:
            let noon = align(Self.archiveStart, place: place)
            return noon >= Self.archiveStart ? noon : following(noon, place: place)
        }
    }

    /// The last record of the span at `now`.
    func last(place: SyntheticPlace, now: Int) -> Int {
        switch self {
        case .quarterHour: return first(place: place, now: now) + 191 * 900
        case .hour: return Self.floor(now, 3600) * 3600 + 47 * 3600
        case .day: return Self.localNoon(day: Self.localDay(now, place: place) + 547, place: place)
        }
    }

    /// The first record when the request has no `start`: the next quarter hour, the current hour, today.
    func defaultStart(place: SyntheticPlace, now: Int) -> Int {
        self == .quarterHour ? first(place: place, now: now) : align(now, place: place)
    }

    /// Days since 1970-01-01 in the place's local time, at `time`.
    static func localDay(_ time: Int, place: SyntheticPlace) -> Int {
        floor(time + place.timezoneOffset(at: time), 86_400)
    }

    /// 12:00 local time of local day `day`, in Unix seconds (the offset taken at noon, so DST is right).
    static func localNoon(day: Int, place: SyntheticPlace) -> Int {
        let noonUTC = day * 86_400 + 43_200
        return noonUTC - place.timezoneOffset(at: noonUTC - place.timezoneOffset(at: noonUTC))
    }

    /// `value / divisor` rounded towards minus infinity.
    static func floor(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
