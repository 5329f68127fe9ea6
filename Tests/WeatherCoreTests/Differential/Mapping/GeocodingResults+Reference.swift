import Foundation

@testable import WeatherCore

extension GeocodingResults {
    init(reference: [ReferenceGeocodingResult]) {
        self.init(
            places: reference.map { r in
                GeocodedPlace(
                    name: r.name,
                    localNames: r.localNames.map { names in
                        LocalNames(names.map { LocalNames.Entry(language: $0.key, name: $0.value) })
                    },
                    coordinates: Coordinates(uncheckedLatitude: r.lat, longitude: r.lon),
                    country: r.country,
                    state: r.state
                )
            })
    }

    /// `local_names` in language order: WeatherCore keeps the document's order, a `Dictionary` has none.
    func sortingLocalNames() -> GeocodingResults {
        var copy = self
        for index in copy.places.indices {
            if let names = copy.places[index].localNames {
                copy.places[index].localNames = LocalNames(names.entries.sorted { $0.language < $1.language })
            }
        }
        return copy
    }
}
