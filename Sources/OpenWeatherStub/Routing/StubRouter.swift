/// Maps a path to its endpoint and checks the API key first (`appid`, in any case), as OpenWeather does.
enum StubRouter {
    /// Every path the stub serves, with its endpoint.
    static let routes: [String: @Sendable (StubRequest) -> StubResponse] = [
        "/data/2.5/weather": CurrentWeatherEndpoint.respond,
        "/data/2.5/forecast": ForecastEndpoint.respond,
        "/data/3.0/onecall": OneCallEndpoint.respond,
        "/data/3.0/onecall/timemachine": OneCallExtrasEndpoint.timemachine,
        "/data/3.0/onecall/day_summary": OneCallExtrasEndpoint.daySummary,
        "/data/3.0/onecall/overview": OneCallExtrasEndpoint.overview,
        "/geo/1.0/direct": GeocodingEndpoint.direct,
        "/geo/1.0/reverse": GeocodingEndpoint.reverse,
        "/geo/1.0/zip": GeocodingEndpoint.zip,
        "/data/2.5/air_pollution": AirPollutionEndpoint.current,
        "/data/2.5/air_pollution/forecast": AirPollutionEndpoint.forecast,
        "/data/2.5/air_pollution/history": AirPollutionEndpoint.history,
    ]

    /// The answer to `request`; `apiKey == nil` accepts any key (or none).
    static func respond(to request: StubRequest, apiKey: String?) -> StubResponse {
        let path =
            request.path.count > 1 && request.path.hasSuffix("/") ? String(request.path.dropLast()) : request.path
        guard let endpoint = routes[path] else { return .noSuchEndpoint }
        if let apiKey, request.query["appid"] != apiKey { return .invalidKey }
        return endpoint(request)
    }
}
