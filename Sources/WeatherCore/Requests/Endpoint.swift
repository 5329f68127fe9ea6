/// The OpenWeather endpoints WeatherCore builds requests for and decodes.
///
/// The raw value is a short stable name, used in cache keys and metric labels.
public enum Endpoint: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Current weather 2.5, `/data/2.5/weather`.
    case current
    /// 5-day / 3-hour forecast, `/data/2.5/forecast`.
    case forecast
    /// One Call 3.0 current, minutely, hourly, daily and alerts, `/data/3.0/onecall`.
    case oneCall = "onecall"
    /// One Call 3.0 weather at one instant, `/data/3.0/onecall/timemachine`.
    case timeMachine = "timemachine"
    /// One Call 3.0 daily aggregation, `/data/3.0/onecall/day_summary`.
    case daySummary = "day-summary"
    /// One Call 3.0 human-readable weather overview, `/data/3.0/onecall/overview`.
    case overview
    /// Geocoding by name, `/geo/1.0/direct`.
    case geocodeDirect = "geo-direct"
    /// Reverse geocoding, `/geo/1.0/reverse`.
    case geocodeReverse = "geo-reverse"
    /// Geocoding by postal code, `/geo/1.0/zip`.
    case geocodeZip = "geo-zip"
    /// Current air pollution, `/data/2.5/air_pollution`.
    case airPollution = "air"
    /// Air pollution forecast, `/data/2.5/air_pollution/forecast`.
    case airPollutionForecast = "air-forecast"
    /// Historical air pollution, `/data/2.5/air_pollution/history`.
    case airPollutionHistory = "air-history"
    /// One Call 4.0 weather now, `/data/4.0/onecall/current` (one record).
    case oneCall4Current = "onecall4-current"
    /// One Call 4.0 minute timeline, `/data/4.0/onecall/timeline/1min` (the next 60 minutes).
    case oneCall4Minutely = "onecall4-1min"
    /// One Call 4.0 quarter-hour timeline, `/data/4.0/onecall/timeline/15min` (the next 48 hours).
    case oneCall4QuarterHourly = "onecall4-15min"
    /// One Call 4.0 hourly timeline, `/data/4.0/onecall/timeline/1h` (1979 to 48 hours ahead).
    case oneCall4Hourly = "onecall4-1h"
    /// One Call 4.0 daily timeline, `/data/4.0/onecall/timeline/1day` (1979 to about 18 months ahead).
    case oneCall4Daily = "onecall4-1day"
    /// One Call 4.0 alert detail, `/data/4.0/onecall/alert/{alert_id}`: the request appends the
    /// percent-encoded id as one more path segment.
    case oneCall4Alert = "onecall4-alert"

    /// The URL path, relative to the base URL. For ``oneCall4Alert`` it is the prefix the alert id
    /// is appended to (``OpenWeatherRequest/path`` is the full path).
    public var path: String {
        switch self {
        case .current: "/data/2.5/weather"
        case .forecast: "/data/2.5/forecast"
        case .oneCall: "/data/3.0/onecall"
        case .timeMachine: "/data/3.0/onecall/timemachine"
        case .daySummary: "/data/3.0/onecall/day_summary"
        case .overview: "/data/3.0/onecall/overview"
        case .geocodeDirect: "/geo/1.0/direct"
        case .geocodeReverse: "/geo/1.0/reverse"
        case .geocodeZip: "/geo/1.0/zip"
        case .airPollution: "/data/2.5/air_pollution"
        case .airPollutionForecast: "/data/2.5/air_pollution/forecast"
        case .airPollutionHistory: "/data/2.5/air_pollution/history"
        case .oneCall4Current: "/data/4.0/onecall/current"
        case .oneCall4Minutely: "/data/4.0/onecall/timeline/1min"
        case .oneCall4QuarterHourly: "/data/4.0/onecall/timeline/15min"
        case .oneCall4Hourly: "/data/4.0/onecall/timeline/1h"
        case .oneCall4Daily: "/data/4.0/onecall/timeline/1day"
        case .oneCall4Alert: "/data/4.0/onecall/alert"
        }
    }

    /// Whether the endpoint takes a `units` parameter (weather data does; geocoding and air pollution
    /// do not). Where it does, WeatherCore always sends `units=standard` and converts locally.
    public var takesUnits: Bool {
        switch self {
        case .current, .forecast, .oneCall, .timeMachine, .daySummary, .overview: true
        case .oneCall4Current, .oneCall4Minutely, .oneCall4QuarterHourly, .oneCall4Hourly, .oneCall4Daily: true
        case .geocodeDirect, .geocodeReverse, .geocodeZip, .airPollution, .airPollutionForecast,
            .airPollutionHistory, .oneCall4Alert:
            false
        }
    }

    /// Whether the endpoint takes a `lang` parameter (descriptions, alert texts). The One Call 4.0
    /// alert detail does not: its texts come in every language the agency wrote.
    public var takesLanguage: Bool {
        switch self {
        case .current, .forecast, .oneCall, .timeMachine, .daySummary, .overview: true
        case .oneCall4Current, .oneCall4Minutely, .oneCall4QuarterHourly, .oneCall4Hourly, .oneCall4Daily: true
        default: false
        }
    }

    /// Whether the endpoint belongs to One Call (3.0 or 4.0), which needs its own subscription.
    public var isOneCall: Bool {
        switch self {
        case .oneCall, .timeMachine, .daySummary, .overview: true
        case .oneCall4Current, .oneCall4Minutely, .oneCall4QuarterHourly, .oneCall4Hourly, .oneCall4Daily,
            .oneCall4Alert:
            true
        default: false
        }
    }

    /// Whether the endpoint belongs to One Call 4.0 (`/data/4.0/onecall/…`).
    public var isOneCall4: Bool {
        switch self {
        case .oneCall4Current, .oneCall4Minutely, .oneCall4QuarterHourly, .oneCall4Hourly, .oneCall4Daily,
            .oneCall4Alert:
            true
        default: false
        }
    }

    /// The raw value, e.g. `onecall`.
    public var description: String { rawValue }
}
