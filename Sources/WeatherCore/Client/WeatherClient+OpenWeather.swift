extension WeatherClient {
    /// Looks up a validated ``OpenWeatherRequest``, signed with the configured API key and base URL.
    public func fetch<M: OpenWeatherDecodable>(_ request: OpenWeatherRequest, as type: M.Type = M.self) async throws
        -> WeatherResult<M>
    {
        try await fetch(
            UpstreamRequest(request, apiKey: configuration.apiKey, baseURL: configuration.baseURL), as: M.self)
    }

    /// Current weather for `place` (`/data/2.5/weather`), in standard units; convert locally.
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/invalidRequest`` for a bad place, or any lookup failure.
    public func current(for place: Place, language: String? = nil) async throws -> WeatherResult<CurrentWeather> {
        try await fetch(try OpenWeatherRequest.current(place, language: language), as: CurrentWeather.self)
    }
}
