/// A place pinned to coordinates, with a name for people.
public struct ResolvedPlace: Sendable, Hashable {
    /// Where it is.
    public var coordinates: Coordinates
    /// `Zürich, CH`, or the coordinates when nothing better is known.
    public var name: String

    /// Creates a resolved place.
    public init(coordinates: Coordinates, name: String) {
        self.coordinates = coordinates
        self.name = name
    }

    /// Joins the non-empty parts of a place name: `Springfield, IL, US`.
    public static func joinedName(_ parts: String?...) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}

extension WeatherClient {
    /// Turns any ``Place`` into coordinates for the endpoints that take only coordinates (One Call,
    /// air pollution): a city or postal code through the geocoding API, a city id through current
    /// weather — both looked up through this client, so the answer is cached like any lookup.
    ///
    /// - Parameter place: the place to pin to coordinates.
    /// - Parameter onLookup: called with the metadata of the lookup made, if any (a command line's
    ///   `-v` report); coordinates need none.
    /// - Throws: ``WeatherError``: ``WeatherError/Code/notFound`` when geocoding finds nothing, or
    ///   any lookup failure.
    public func resolve(_ place: Place, onLookup: (@Sendable (WeatherResult<Void>) -> Void)? = nil) async throws
        -> ResolvedPlace
    {
        switch place {
        case .coordinates(let coordinates):
            return ResolvedPlace(coordinates: coordinates, name: coordinates.description)
        case .city(let name, let state, let country):
            let result = try await geocode(city: name, state: state, country: country, limit: 1)
            onLookup?(result.map { _ in () })
            guard let first = result.value.places.first else {
                throw WeatherError(
                    code: .notFound, message: "Geocoding knows no such place; check the spelling",
                    query: place.displayText)
            }
            return ResolvedPlace(
                coordinates: first.coordinates, name: ResolvedPlace.joinedName(first.name, first.state, first.country))
        case .zip(let code, let country):
            let result = try await geocode(zip: code, country: country)
            onLookup?(result.map { _ in () })
            let zip = result.value
            return ResolvedPlace(
                coordinates: zip.coordinates, name: ResolvedPlace.joinedName(zip.name, zip.zip, zip.country))
        case .cityID:
            let result = try await self.current(for: place)
            onLookup?(result.map { _ in () })
            let current = result.value
            return ResolvedPlace(
                coordinates: current.coordinates, name: ResolvedPlace.joinedName(current.name, current.country))
        }
    }
}
