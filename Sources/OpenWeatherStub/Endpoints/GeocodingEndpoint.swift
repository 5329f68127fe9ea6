/// `GET /geo/1.0/direct`, `/reverse` and `/zip`.
enum GeocodingEndpoint {
    /// `direct?q=name[,state][,country]&limit=N`: up to `limit` (default 5, at most 5) places; `[]` when unknown.
    static func direct(_ request: StubRequest) -> StubResponse {
        guard let q = request.query["q"], !q.isEmpty else { return .badRequest("Nothing to geocode") }
        guard let place = SyntheticPlace.named(q) else { return .json("[]") }
        let limit = min(max(request.int("limit") ?? 5, 1), 5)
        return .json(array(of: variants(of: place, count: min(limit, 2))))
    }

    /// `reverse?lat&lon&limit=N`: places near the coordinates.
    static func reverse(_ request: StubRequest) -> StubResponse {
        switch PlaceLookup.coordinates(request) {
        case .failure(let error): return error.response
        case .success(let place):
            let limit = min(max(request.int("limit") ?? 5, 1), 5)
            return .json(array(of: variants(of: place, count: min(limit, 2))))
        }
    }

    /// `zip?zip=code,country`: one object (not an array); 404 for `00000`.
    static func zip(_ request: StubRequest) -> StubResponse {
        guard let query = request.query["zip"], !query.isEmpty else { return .badRequest("Nothing to geocode") }
        guard let (code, place) = SyntheticPlace.zip(query) else { return .zipNotFound }
        var w = JSONWriter()
        w.beginObject()
        w.field("zip", code)
        w.field("name", place.name)
        w.field("lat", place.latitude, places: 4)
        w.field("lon", place.longitude, places: 4)
        w.field("country", place.country)
        w.endObject()
        return .json(w.text)
    }

    /// The place itself, then a namesake elsewhere (as OpenWeather lists several matches).
    static func variants(of place: SyntheticPlace, count: Int) -> [SyntheticPlace] {
        var places = [place]
        if count > 1 {
            var other = place
            other.latitude = min(max(place.latitude + 7.31, -89), 89)
            other.longitude = place.longitude > 0 ? place.longitude - 23.7 : place.longitude + 23.7
            other.country = place.country == "US" ? "CA" : "US"
            // A state only where the country has them, and one of that country's (never "IL, CA").
            var values = SeededValues("state", place.name.lowercased(), other.country)
            other.state = SyntheticPlace.statesByCountry[other.country].map { values.pick($0) }
            other.zone = nil
            places.append(other)
        }
        return places
    }

    static func array(of places: [SyntheticPlace]) -> String {
        var w = JSONWriter()
        w.beginArray()
        for place in places {
            w.beginObject()
            w.field("name", place.name)
            w.beginObject("local_names")
            w.field("en", place.name)
            w.field("ascii", place.name)
            w.field("feature_name", place.name)
            w.endObject()
            w.field("lat", place.latitude, places: 7)
            w.field("lon", place.longitude, places: 7)
            w.field("country", place.country)
            if let state = place.state { w.field("state", state) }
            w.endObject()
        }
        w.endArray()
        return w.text
    }
}
