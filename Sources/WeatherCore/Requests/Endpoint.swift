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

    /// The URL path, relative to the base URL.
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
        }
    }

    /// Whether the endpoint takes a `units` parameter (weather data does; geocoding and air pollution
    /// do not). Where it does, WeatherCore always sends `units=standard` and converts locally.
    public var takesUnits: Bool {
        switch self {
        case .current, .forecast, .oneCall, .timeMachine, .daySummary, .overview: true
        case .geocodeDirect, .geocodeReverse, .geocodeZip, .airPollution, .airPollutionForecast,
            .airPollutionHistory:
            false
        }
    }

    /// Whether the endpoint takes a `lang` parameter (descriptions, alert texts).
    public var takesLanguage: Bool {
        switch self {
        case .current, .forecast, .oneCall, .timeMachine, .daySummary, .overview: true
        default: false
        }
    }

    /// Whether the endpoint belongs to One Call 3.0, which needs its own subscription.
    public var isOneCall: Bool {
        switch self {
        case .oneCall, .timeMachine, .daySummary, .overview: true
        default: false
        }
    }

    /// The raw value, e.g. `onecall`.
    public var description: String { rawValue }
}
