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

    /// The IANA zone, for known cities; invented places get ``plausibleZone(longitude:)``.
    var zone: String? = nil

    /// The IANA zone name One Call reports (`Asia/Tokyo`).
    var timezoneName: String { zone ?? Self.plausibleZone(longitude: longitude) }

    /// The UTC offset in seconds at `time` (Unix seconds), daylight saving included, from the zone;
    /// the whole-hour offset of the longitude where the system has no zone data.
    func timezoneOffset(at time: Int) -> Int {
        ZoneOffsets.offset(of: timezoneName, at: time) ?? Int((longitude / 15).rounded()) * 3600
    }

    /// `+09:00`-style offset at `time`, as One Call's `tz` field prints it.
    func timezoneSuffix(at time: Int) -> String {
        let minutes = timezoneOffset(at: time) / 60
        let sign = minutes < 0 ? "-" : "+"
        let (hours, rest) = (abs(minutes) / 60, abs(minutes) % 60)
        return "\(sign)\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }

    /// A real zone a place at `longitude` plausibly keeps (its solar offset, rounded to the hour):
    /// `Asia/Tokyo` at 139° E, never an `Etc/GMT-9` that OpenWeather does not send.
    static func plausibleZone(longitude: Double) -> String {
        let hours = max(-11, min(12, Int((longitude / 15).rounded())))
        return zonesByOffset[hours + 11]
    }

    /// One zone per whole-hour offset from UTC-11 to UTC+12.
    private static let zonesByOffset = [
        "Pacific/Pago_Pago", "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver",
        "America/Chicago", "America/New_York", "America/Halifax", "America/Sao_Paulo", "Atlantic/South_Georgia",
        "Atlantic/Azores", "Europe/London", "Europe/Paris", "Europe/Athens", "Europe/Moscow", "Asia/Dubai",
        "Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane",
        "Pacific/Noumea", "Pacific/Auckland",
    ]

    /// Countries whose places OpenWeather's geocoding lists with a state, with a few of theirs.
    static let statesByCountry: [String: [String]] = [
        "US": ["MO", "OH", "OR", "MA", "TN"], "CA": ["ON", "BC", "QC"], "AU": ["NSW", "VIC", "QLD"],
        "BR": ["SP", "RJ", "MG"], "IN": ["MH", "KA", "TN"],
    ]

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

    /// The place nearest to coordinates (always known): a known city there, else an invented one.
    static func at(latitude: Double, longitude: Double) -> SyntheticPlace {
        if let city = KnownCities.near(latitude: latitude, longitude: longitude) { return city }
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

extension SyntheticPlace {
    /// Writes the `coord` object OpenWeather sends: longitude first, but latitude first in the
    /// forecast's `city`, as the real responses have them.
    func writeCoordinates(to w: inout JSONWriter, latitudeFirst: Bool = false) {
        w.beginObject("coord")
        if latitudeFirst { w.field("lat", latitude, places: 4) }
        w.field("lon", longitude, places: 4)
        if !latitudeFirst { w.field("lat", latitude, places: 4) }
        w.endObject()
    }
}
