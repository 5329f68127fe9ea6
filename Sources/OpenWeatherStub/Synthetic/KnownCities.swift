import Foundation

/// A few well-known cities with their real coordinates, country and OpenWeather id, so the demo
/// answers `Zürich` with a place in Switzerland. Every other name gets an invented place.
enum KnownCities {
    static let all: [SyntheticPlace] = [
        SyntheticPlace(name: "Zürich", country: "CH", state: nil, latitude: 47.3667, longitude: 8.55, id: 2_657_896),
        SyntheticPlace(name: "London", country: "GB", state: nil, latitude: 51.5085, longitude: -0.1257, id: 2_643_743),
        SyntheticPlace(name: "Paris", country: "FR", state: nil, latitude: 48.8534, longitude: 2.3488, id: 2_988_507),
        SyntheticPlace(name: "Berlin", country: "DE", state: nil, latitude: 52.5244, longitude: 13.4105, id: 2_950_159),
        SyntheticPlace(name: "Moscow", country: "RU", state: nil, latitude: 55.7522, longitude: 37.6156, id: 524_901),
        SyntheticPlace(name: "Tokyo", country: "JP", state: nil, latitude: 35.6895, longitude: 139.6917, id: 1_850_147),
        SyntheticPlace(name: "Sydney", country: "AU", state: nil, latitude: -33.8679, longitude: 151.2073, id: 2_147_714),
        SyntheticPlace(
            name: "New York", country: "US", state: "NY", latitude: 40.7143, longitude: -74.006, id: 5_128_581),
        SyntheticPlace(
            name: "Springfield", country: "US", state: "IL", latitude: 39.8017, longitude: -89.6437, id: 4_250_542),
        SyntheticPlace(name: "São Paulo", country: "BR", state: nil, latitude: -23.5475, longitude: -46.6361, id: 3_448_439),
    ]

    /// The known city called `name` (case and accents ignored), in `country` when one is given.
    static func named(_ name: String, country: String?) -> SyntheticPlace? {
        let wanted = fold(name)
        return all.first { place in
            fold(place.name) == wanted && (country == nil || place.country == country?.uppercased())
        }
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
