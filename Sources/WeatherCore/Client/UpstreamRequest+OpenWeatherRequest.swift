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
