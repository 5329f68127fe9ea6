/// Finds the place a `/data/2.5/weather` or `/forecast` request is about: `q`, `id`, `lat`+`lon`
/// or `zip`, in OpenWeather's order of precedence.
enum PlaceLookup {
    /// The JSON body `body` writes for the request's place, or the error OpenWeather would send.
    static func respond(_ request: StubRequest, _ body: (SyntheticPlace) -> String) -> StubResponse {
        switch resolve(request) {
        case .failure(let error): return error.response
        case .success(let place): return .json(body(place))
        }
    }

    /// The place, or the error response OpenWeather would send.
    static func resolve(_ request: StubRequest) -> Result<SyntheticPlace, StubError> {
        if let q = request.query["q"] {
            return SyntheticPlace.named(q).map(Result.success) ?? .failure(StubError(.cityNotFound))
        }
        if let id = request.query["id"] {
            guard let number = Int(id) else { return .failure(StubError(.badRequest("\(id) is not a city ID"))) }
            return SyntheticPlace.withID(number).map(Result.success) ?? .failure(StubError(.cityNotFound))
        }
        if let zip = request.query["zip"] {
            return SyntheticPlace.zip(zip).map { .success($0.place) } ?? .failure(StubError(.cityNotFound))
        }
        return coordinates(request)
    }

    /// The place at `lat`/`lon`, validated as OpenWeather does.
    static func coordinates(_ request: StubRequest) -> Result<SyntheticPlace, StubError> {
        guard request.query["lat"] != nil || request.query["lon"] != nil else {
            return .failure(StubError(.badRequest("Nothing to geocode")))
        }
        guard let lat = request.double("lat"), (-90...90).contains(lat) else {
            return .failure(StubError(.badRequest("wrong latitude")))
        }
        guard let lon = request.double("lon"), (-180...180).contains(lon) else {
            return .failure(StubError(.badRequest("wrong longitude")))
        }
        return .success(SyntheticPlace.at(latitude: lat, longitude: lon))
    }
}

/// An error answer, as a `Result` failure.
struct StubError: Error {
    var response: StubResponse
    init(_ response: StubResponse) { self.response = response }
}
