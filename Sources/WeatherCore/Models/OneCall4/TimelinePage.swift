public import Foundation

/// One response of a One Call 4.0 endpoint: the place, its records, and where the neighbouring
/// pages start.
///
/// The same envelope serves every data endpoint: `/current` (``OneCall4Current``, one record),
/// `/timeline/1min` (``MinutelyPrecipitation``), `/timeline/15min` and `/timeline/1h`
/// (``HourlyForecast``) and `/timeline/1day` (``DailyForecast``). The `prev`/`next` links are kept
/// only as their parsed ``TimelineLink`` (step, `start`, `cnt`): the link text carries the caller's
/// API key, so it is never stored in the model, and a link to any other path counts as absent.
///
/// ```swift
/// let page = try TimelinePage<HourlyForecast>(jsonBytes: body)
/// page.records.count   // up to 20
/// page.nextStart       // where the next page starts, or nil on the last one
/// ```
public struct TimelinePage<Record: TimelineRecord>: Sendable, Equatable, Codable {
    /// The point served (`lat`, `lon`).
    public var coordinates: Coordinates
    /// The IANA time zone name (`timezone`), e.g. `Europe/London`.
    public var timeZoneIdentifier: String
    /// The zone's offset from UTC in seconds (`timezone_offset`).
    public var utcOffsetSeconds: Int
    /// The records (`data`), in time order as sent.
    public var records: [Record]
    /// The page before this one (`prev`); `nil` when absent, `null`, unparseable or foreign.
    public var previous: TimelineLink?
    /// The page after this one (`next`); `nil` when absent, `null`, unparseable or foreign.
    public var next: TimelineLink?

    /// Creates a page.
    public init(
        coordinates: Coordinates, timeZoneIdentifier: String, utcOffsetSeconds: Int, records: [Record],
        previous: TimelineLink? = nil, next: TimelineLink? = nil
    ) {
        self.coordinates = coordinates
        self.timeZoneIdentifier = timeZoneIdentifier
        self.utcOffsetSeconds = utcOffsetSeconds
        self.records = records
        self.previous = previous
        self.next = next
    }

    /// Where the previous page starts (`prev`'s `start`).
    public var previousStart: Date? { previous?.start }

    /// Where the next page starts (`next`'s `start`).
    public var nextStart: Date? { next?.start }

    /// Every alert id the records name (`data[].alerts`), each once, in order of first
    /// appearance: the details to fetch with ``OpenWeatherRequest/oneCallAlert(id:)``.
    public var alertIDs: [String] { records.alertIDs }
}

/// The response of `/data/4.0/onecall/current`: a page of one ``WeatherSnapshot``.
public typealias OneCall4Current = TimelinePage<WeatherSnapshot>

extension TimelinePage where Record == WeatherSnapshot {
    /// The weather now (`data[0]`); `nil` only if OpenWeather sent no record.
    public var current: WeatherSnapshot? { records.first }
}

extension TimelinePage: OpenWeatherDecodable {
    /// Decodes a One Call 4.0 response body in one pass.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/decodingFailed`` naming the JSON path, e.g. `data[3].temp`.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try Record.decodeTimelinePage(bytes)
    }

    /// For `/current`, the record's time (`data[0].dt`), so older data never replaces newer;
    /// `nil` for timeline pages, whose first record is set by `start`.
    public var observedAt: Date? {
        Record.timelineSteps.isEmpty ? records.first?.time : nil
    }

    /// The place's time zone: the IANA zone, or the fixed offset if the name is unknown here.
    public var timeZone: TimeZone {
        OneCallTimeZone.resolve(identifier: timeZoneIdentifier, offsetSeconds: utcOffsetSeconds)
    }
}

extension TimelinePage: PlaceTimeZoneProviding {}

extension TimelinePage: CacheLifetimeProviding {
    /// How long a page with nothing left to change stays fresh: 7 days.
    public static var historicalFreshness: Duration { .seconds(7 * 86400) }

    /// ``historicalFreshness`` for a timeline page whose records all ended before `now` (past
    /// weather is not revised), `nil` — the family's rule — for a page that reaches the present or
    /// the future, and for `/current`. A record is taken to last the longest step of its kind (an
    /// hour for 15-minute and hourly records), so a page counts as past only when it surely is.
    public func freshness(now: Date) -> Duration? {
        guard let step = Record.longestStep, let last = records.last else { return nil }
        let ends = last.time.addingTimeInterval(TimeInterval(step.seconds))
        return ends <= now ? Self.historicalFreshness : nil
    }
}
