/// A group of OpenWeather endpoints that share a cache policy and a daily budget: each
/// ``Endpoint`` names its ``Endpoint/family``.
///
/// A struct over a string rather than an enum, so that new families do not break users.
public struct EndpointFamily: Hashable, Sendable, CustomStringConvertible {
    /// The name used in cache keys and metric labels, e.g. `current`.
    public let rawValue: String

    /// Creates a family; prefer the static members.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// `/data/2.5/weather`: current conditions, updated upstream about every 10 minutes.
    public static let current = EndpointFamily("current")
    /// `/data/2.5/forecast`: 5 day / 3 hour forecast.
    public static let forecast = EndpointFamily("forecast")
    /// `/data/3.0/onecall` and `/data/4.0/onecall/…`: One Call 3.0 and 4.0 (1,000 free calls a day,
    /// every 4.0 page and alert detail counted as one call).
    public static let oneCall = EndpointFamily("onecall")
    /// `/data/2.5/air_pollution`: air quality.
    public static let air = EndpointFamily("air")
    /// `/geo/1.0/direct`, `/reverse`, `/zip`: geocoding.
    public static let geocoding = EndpointFamily("geo")

    /// The raw value.
    public var description: String { rawValue }
}

extension Endpoint {
    /// The family this endpoint belongs to: every One Call endpoint (3.0 and 4.0) shares One Call's daily
    /// budget, every geocoding endpoint the geocoding rule, every air pollution endpoint air's.
    public var family: EndpointFamily {
        switch self {
        case .current: .current
        case .forecast: .forecast
        case .oneCall, .timeMachine, .daySummary, .overview: .oneCall
        case .oneCall4Current, .oneCall4Minutely, .oneCall4QuarterHourly, .oneCall4Hourly, .oneCall4Daily,
            .oneCall4Alert:
            .oneCall
        case .geocodeDirect, .geocodeReverse, .geocodeZip: .geocoding
        case .airPollution, .airPollutionForecast, .airPollutionHistory: .air
        }
    }
}
