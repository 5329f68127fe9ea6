import WeatherCore
import WeatherServerCore
import WeatherPages

/// Places geocoding knows that are near what was asked: for a city, the same name without its
/// state and country, and the first word of a longer name; for the place page, the other places
/// that share its name.
struct PlaceSuggestions: Sendable {
    let client: WeatherClient

    /// At most five suggestions for a place geocoding does not know, as links to their pages.
    func suggestions(for place: Place, query: PageQuery) async -> [PlaceLink] {
        guard case .city(let name, let state, let country) = place else { return [] }
        var attempts: [(name: String, country: String?)] = []
        if state != nil || country != nil { attempts.append((name, nil)) }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        if words.count > 1, let first = words.first, first.count >= 3 {
            attempts.append((first, country))
            if country != nil { attempts.append((first, nil)) }
        }
        var found: [GeocodedPlace] = []
        for attempt in attempts where found.count < 5 {
            guard let result = try? await client.geocode(city: attempt.name, country: attempt.country, limit: 5) else {
                continue
            }
            for candidate in result.value.places where !found.contains(where: { Self.same($0, candidate) }) {
                found.append(candidate)
            }
        }
        return found.prefix(5).map { link(to: $0, query: query) }
    }

    /// The other places called like `place` (a city), besides the one at `chosen`.
    func namesakes(of place: Place, chosen: Coordinates, query: PageQuery) async -> [PlaceLink] {
        guard case .city(let name, let state, let country) = place,
            let result = try? await client.geocode(city: name, state: state, country: country, limit: 5)
        else { return [] }
        return result.value.places.filter { !Self.near($0.coordinates, chosen) }.map { link(to: $0, query: query) }
    }

    /// A link to the page of a geocoded place, by its coordinates (a name could pick another namesake).
    func link(to candidate: GeocodedPlace, query: PageQuery) -> PlaceLink {
        PlaceLink(
            label: ResolvedPlace.joinedName(candidate.name, candidate.state, candidate.country),
            href: query.link("/place", place: .coordinates(candidate.coordinates)))
    }

    static func same(_ a: GeocodedPlace, _ b: GeocodedPlace) -> Bool { near(a.coordinates, b.coordinates) }

    /// Within about a kilometre.
    static func near(_ a: Coordinates, _ b: Coordinates) -> Bool {
        abs(a.latitude - b.latitude) < 0.01 && abs(a.longitude - b.longitude) < 0.01
    }
}
