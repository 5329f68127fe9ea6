import WeatherCore

/// A place pinned to coordinates, with a name for people.
struct ResolvedPlace: Sendable {
    /// Where it is.
    var coordinates: Coordinates
    /// `Zürich, CH`, or the coordinates when nothing better is known.
    var name: String
}

/// Turns any ``Place`` into coordinates for the endpoints that take only coordinates (One Call,
/// air pollution): a city or postal code through the geocoding API, a city id through current
/// weather — both through the client, so the answer is cached like any lookup.
struct PlaceResolver {
    let session: LookupSession

    /// The coordinates of `place`.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/notFound`` when geocoding finds nothing.
    func resolve(_ place: Place) async throws -> ResolvedPlace {
        switch place {
        case .coordinates(let coordinates):
            return ResolvedPlace(coordinates: coordinates, name: coordinates.description)
        case .city(let name, let state, let country):
            let request = try OpenWeatherRequest.geocode(city: name, state: state, country: country, limit: 1)
            let result = try await session.fetch(request, as: GeocodingResults.self)
            guard let first = result.value.places.first else {
                throw WeatherError(
                    code: .notFound, message: "Geocoding knows no such place; check the spelling",
                    query: place.displayText)
            }
            return ResolvedPlace(
                coordinates: first.coordinates,
                name: PlaceNames.join(first.name, first.state, first.country))
        case .zip(let code, let country):
            let result = try await session.fetch(
                OpenWeatherRequest.geocode(zip: code, country: country), as: ZipLocation.self)
            let zip = result.value
            return ResolvedPlace(coordinates: zip.coordinates, name: PlaceNames.join(zip.name, zip.zip, zip.country))
        case .cityID:
            let result = try await session.fetch(OpenWeatherRequest.current(place), as: CurrentWeather.self)
            let current = result.value
            return ResolvedPlace(coordinates: current.coordinates, name: PlaceNames.join(current.name, current.country))
        }
    }
}

/// Joins the non-empty parts of a place name: `Springfield, IL, US`.
enum PlaceNames {
    static func join(_ parts: String?...) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
