extension EndpointFamily {
    /// The family an endpoint belongs to: every One Call 3.0 endpoint shares One Call's daily
    /// budget, every geocoding endpoint the geocoding rule, every air pollution endpoint air's.
    public init(_ endpoint: Endpoint) {
        switch endpoint {
        case .current: self = .current
        case .forecast: self = .forecast
        case .oneCall, .timeMachine, .daySummary, .overview: self = .oneCall
        case .geocodeDirect, .geocodeReverse, .geocodeZip: self = .geocoding
        case .airPollution, .airPollutionForecast, .airPollutionHistory: self = .air
        }
    }
}

extension CachePlace {
    /// The cache-key form of a request's place (normalized later, by ``CacheKey``).
    public init(_ place: Place) {
        switch place {
        case .city(let name, let state, let country):
            self = .name([name, state, country].compactMap { $0 }.joined(separator: ","))
        case .cityID(let id):
            self = .cityID(id)
        case .coordinates(let coordinates):
            self = .coordinates(latitude: coordinates.latitude, longitude: coordinates.longitude)
        case .zip(let code, let country):
            self = .zip([code, country].compactMap { $0 }.joined(separator: ","))
        }
    }
}

extension UpstreamRequest {
    /// Adapts a validated ``OpenWeatherRequest``: the key is built from its endpoint, place,
    /// parameters and language; `apiKey` goes only into the HTTP request.
    public init(_ request: OpenWeatherRequest, apiKey: APIKey, baseURL: String = OpenWeatherRequest.defaultBaseURL) {
        self.init(
            family: EndpointFamily(request.endpoint), endpoint: request.endpoint.rawValue,
            place: CachePlace(request.place), lang: request.endpoint.takesLanguage ? request.language : nil,
            parameters: request.parameters.map(\.description), query: request.place.displayText
        ) { request.httpRequest(baseURL: baseURL, apiKey: apiKey) }
    }
}
