import Foundation
import WeatherCore

/// `geocode` for people: a numbered list of matches.
///
/// ```
/// 1. Zürich, ZH, CH    47.3769, 8.5417
/// ```
struct GeocodingRenderer {
    let style: Style

    func render(_ results: GeocodingResults) -> String {
        guard !results.places.isEmpty else { return "No places found." }
        var table = TextTable()
        for (index, place) in results.places.enumerated() {
            let name = ResolvedPlace.joinedName(place.name, place.state, place.country)
            table.add(
                plain: ["\(index + 1). \(name)", Self.coordinates(place.coordinates)],
                styled: ["\(index + 1). \(style.bold(name))", Self.coordinates(place.coordinates)])
        }
        return table.lines().joined(separator: "\n")
    }

    func render(_ zip: ZipLocation) -> String {
        let name = ResolvedPlace.joinedName(zip.zip, zip.name, zip.country)
        return "\(style.bold(name))  \(Self.coordinates(zip.coordinates))"
    }

    /// `47.3769, 8.5417`.
    static func coordinates(_ coordinates: Coordinates) -> String {
        String(format: "%.4f, %.4f", coordinates.latitude, coordinates.longitude)
    }
}
