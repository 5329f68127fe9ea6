import Foundation

/// A place the stub invents for a query: a name, coordinates and a country that stay the same
/// for the same query.
///
/// Unknown places (answered with 404, or `[]` by geocoding): names starting with `nowhere` or
/// `unknown` (any case), the zip code `00000`, and the city id `0`.
struct SyntheticPlace: Sendable, Equatable {
    var name: String
    var country: String
    var state: String?
    var latitude: Double
    var longitude: Double
    var id: Int

    /// Whole-hour UTC offset from the longitude, in seconds.
    var timezoneOffset: Int { Int((longitude / 15).rounded()) * 3600 }

    /// An IANA-style zone name for the offset (`Etc/GMT-3` is UTC+3, as IANA spells it).
    var timezoneName: String {
        let hours = timezoneOffset / 3600
        if hours == 0 { return "Etc/GMT" }
        return hours > 0 ? "Etc/GMT-\(hours)" : "Etc/GMT+\(-hours)"
    }

    /// `+03:00`-style offset, as One Call's `tz` field prints it.
    var timezoneSuffix: String {
        let hours = timezoneOffset / 3600
        let sign = hours < 0 ? "-" : "+"
        let magnitude = abs(hours)
        return "\(sign)\(magnitude < 10 ? "0" : "")\(magnitude):00"
    }

    static let countries = ["GB", "DE", "FR", "US", "JP", "BR", "IN", "AU", "ZA", "CA", "CH", "NO"]
    static let cityNames = [
        "Ashford", "Bellhaven", "Corrin", "Dunmore", "Elmstead", "Fairport", "Glenrock", "Harwick",
        "Ivydale", "Juniper", "Kestrel", "Lakemont", "Marbury", "Northfield", "Oakhurst", "Pinecrest",
    ]

    /// Whether a place name is one of the documented unknown names.
    static func isUnknownName(_ name: String) -> Bool {
        let lowered = name.lowercased().trimmingCharacters(in: .whitespaces)
        return lowered.isEmpty || lowered.hasPrefix("nowhere") || lowered.hasPrefix("unknown")
    }

    /// The place for `q=name[,state][,country]`, or `nil` when it is unknown.
    static func named(_ query: String) -> SyntheticPlace? {
        let parts = query.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, !isUnknownName(first) else { return nil }
        if let known = KnownCities.named(first, country: parts.count > 1 ? parts[parts.count - 1] : nil) {
            return known
        }
        var values = SeededValues("name", first.lowercased())
        let latitude = values.double(in: -55...65)
        let longitude = values.double(in: -179...179)
        let id = values.int(in: 100_000...9_999_999)
        let country = parts.count > 1 ? parts[parts.count - 1].uppercased() : values.pick(countries)
        let state = parts.count > 2 ? parts[1] : nil
        return SyntheticPlace(
            name: first.prefix(1).uppercased() + first.dropFirst(), country: country, state: state,
            latitude: latitude, longitude: longitude, id: id)
    }

    /// The place for a city id, or `nil` for id 0.
    static func withID(_ id: Int) -> SyntheticPlace? {
        guard id > 0 else { return nil }
        var values = SeededValues("id", String(id))
        return SyntheticPlace(
            name: values.pick(cityNames), country: values.pick(countries), state: nil,
            latitude: values.double(in: -55...65), longitude: values.double(in: -179...179), id: id)
    }

    /// The place nearest to coordinates (always known).
    static func at(latitude: Double, longitude: Double) -> SyntheticPlace {
        let key = JSONWriter.format(latitude, places: 2) + "," + JSONWriter.format(longitude, places: 2)
        var values = SeededValues("coord", key)
        return SyntheticPlace(
            name: values.pick(cityNames), country: values.pick(countries), state: nil, latitude: latitude,
            longitude: longitude, id: values.int(in: 100_000...9_999_999))
    }

    /// The place for `zip=code[,country]`, or `nil` for `00000`.
    static func zip(_ query: String) -> (code: String, place: SyntheticPlace)? {
        let parts = query.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let code = parts.first, !code.isEmpty, code != "00000" else { return nil }
        var values = SeededValues("zip", code.uppercased())
        let country = parts.count > 1 ? parts[1].uppercased() : "US"
        let place = SyntheticPlace(
            name: values.pick(cityNames), country: country, state: nil, latitude: values.double(in: -55...65),
            longitude: values.double(in: -179...179), id: values.int(in: 100_000...9_999_999))
        return (code, place)
    }
}
