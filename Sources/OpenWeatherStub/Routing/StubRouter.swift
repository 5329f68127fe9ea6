/// Maps a path to its endpoint and checks the API key first (`appid`, in any case), then the
/// key's One Call plan, as OpenWeather does.
enum StubRouter {
    /// Every path the stub serves, with its endpoint (and `/data/4.0/onecall/alert/{id}`, by prefix).
    static let routes: [String: @Sendable (StubRequest) -> StubResponse] = [
        "/data/2.5/weather": CurrentWeatherEndpoint.respond,
        "/data/2.5/forecast": ForecastEndpoint.respond,
        "/data/3.0/onecall": OneCallEndpoint.respond,
        "/data/3.0/onecall/timemachine": OneCallExtrasEndpoint.timemachine,
        "/data/3.0/onecall/day_summary": OneCallExtrasEndpoint.daySummary,
        "/data/3.0/onecall/overview": OneCallExtrasEndpoint.overview,
        "/data/4.0/onecall/current": OneCall4Endpoints.current,
        "/data/4.0/onecall/timeline/1min": OneCall4Endpoints.minutely,
        "/data/4.0/onecall/timeline/15min": { OneCall4Endpoints.timeline(.quarterHour, $0) },
        "/data/4.0/onecall/timeline/1h": { OneCall4Endpoints.timeline(.hour, $0) },
        "/data/4.0/onecall/timeline/1day": { OneCall4Endpoints.timeline(.day, $0) },
        "/geo/1.0/direct": GeocodingEndpoint.direct,
        "/geo/1.0/reverse": GeocodingEndpoint.reverse,
        "/geo/1.0/zip": GeocodingEndpoint.zip,
        "/data/2.5/air_pollution": AirPollutionEndpoint.current,
        "/data/2.5/air_pollution/forecast": AirPollutionEndpoint.forecast,
        "/data/2.5/air_pollution/history": AirPollutionEndpoint.history,
    ]

    /// The answer to `request`; `apiKey == nil` accepts any key (or none).
    ///
    /// An unknown path answers 404 before anything else (under `/data/4.0/` with 4.0's numeric
    /// `cod`); then a wrong key 401 `Invalid API key`; then a One Call path the plan lacks 401
    /// with OpenWeather's subscription text; then the endpoint validates its parameters.
    static func respond(to request: StubRequest, apiKey: String?) -> StubResponse {
        let path =
            request.path.count > 1 && request.path.hasSuffix("/") ? String(request.path.dropLast()) : request.path
        guard let endpoint = endpoint(for: path) else {
            return path.hasPrefix("/data/4.0/") ? .oneCall4NotFound : .noSuchEndpoint
        }
        if let apiKey, request.query["appid"] != apiKey { return .invalidKey }
        if let version = OneCallVersion(path: path), !request.oneCallPlan.includes(version) {
            return .notSubscribed(to: version)
        }
        return endpoint(request)
    }

    /// The endpoint serving `path` (without a trailing slash), if any.
    static func endpoint(for path: String) -> (@Sendable (StubRequest) -> StubResponse)? {
        if let endpoint = routes[path] { return endpoint }
        if isAlertPath(path) { return OneCall4Endpoints.alert }
        return nil
    }

    /// Whether `path` is `/data/4.0/onecall/alert/{id}` with one non-empty segment for the id.
    static func isAlertPath(_ path: String) -> Bool {
        guard path.hasPrefix(OneCall4Endpoints.alertPrefix) else { return false }
        let id = path.dropFirst(OneCall4Endpoints.alertPrefix.count)
        return !id.isEmpty && !id.contains("/")
    }
}
