import Foundation

/// A few well-known cities with their real coordinates, country, OpenWeather id and IANA zone, so
/// the demo answers `Zürich` with a place in Switzerland on Swiss time. Every other name gets an
/// invented place.
enum KnownCities {
    static let all: [SyntheticPlace] = [
        SyntheticPlace(
            name: "Zürich", country: "CH", state: nil, latitude: 47.3667, longitude: 8.55, id: 2_657_896,
            zone: "Europe/Zurich"),
        SyntheticPlace(
            name: "London", country: "GB", state: nil, latitude: 51.5085, longitude: -0.1257, id: 2_643_743,
            zone: "Europe/London"),
        SyntheticPlace(
            name: "Paris", country: "FR", state: nil, latitude: 48.8534, longitude: 2.3488, id: 2_988_507,
            zone: "Europe/Paris"),
        SyntheticPlace(
            name: "Berlin", country: "DE", state: nil, latitude: 52.5244, longitude: 13.4105, id: 2_950_159,
            zone: "Europe/Berlin"),
        SyntheticPlace(
            name: "Moscow", country: "RU", state: nil, latitude: 55.7522, longitude: 37.6156, id: 524_901,
            zone: "Europe/Moscow"),
        SyntheticPlace(
            name: "Tokyo", country: "JP", state: nil, latitude: 35.6895, longitude: 139.6917, id: 1_850_147,
            zone: "Asia/Tokyo"),
        SyntheticPlace(
            name: "Sydney", country: "AU", state: nil, latitude: -33.8679, longitude: 151.2073, id: 2_147_714,
            zone: "Australia/Sydney"),
        SyntheticPlace(
            name: "New York", country: "US", state: "NY", latitude: 40.7143, longitude: -74.006, id: 5_128_581,
            zone: "America/New_York"),
        SyntheticPlace(
            name: "Springfield", country: "US", state: "IL", latitude: 39.8017, longitude: -89.6437, id: 4_250_542,
            zone: "America/Chicago"),
        SyntheticPlace(
            name: "São Paulo", country: "BR", state: nil, latitude: -23.5475, longitude: -46.6361, id: 3_448_439,
            zone: "America/Sao_Paulo"),
    ]

    /// The known city called `name` (case and accents ignored), in `country` when one is given.
    static func named(_ name: String, country: String?) -> SyntheticPlace? {
        let wanted = fold(name)
        return all.first { place in
            fold(place.name) == wanted && (country == nil || place.country == country?.uppercased())
        }
    }

    /// The known city within about 10 km of the coordinates (so `onecall Tokyo`, which asks by
    /// the coordinates geocoding gave, is on Tokyo's zone), at exactly those coordinates.
    static func near(latitude: Double, longitude: Double) -> SyntheticPlace? {
        guard var city = all.first(where: { abs($0.latitude - latitude) < 0.1 && abs($0.longitude - longitude) < 0.1 })
        else { return nil }
        city.latitude = latitude
        city.longitude = longitude
        return city
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
