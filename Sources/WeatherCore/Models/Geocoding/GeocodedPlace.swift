/// A place found by name or coordinates: one element of `/geo/1.0/direct` and `/geo/1.0/reverse`.
public struct GeocodedPlace: Sendable, Equatable, Codable {
    /// The place's name (`name`).
    public var name: String
    /// The name in other languages (`local_names`); absent for many small places.
    public var localNames: LocalNames?
    /// Where it is (`lat`, `lon`).
    public var coordinates: Coordinates
    /// Country code, ISO 3166 (`country`).
    public var country: String?
    /// State or region, where the country has them (`state`).
    public var state: String?
}

extension GeocodedPlace: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var name: String?
        var lat: Double?
        var lon: Double?
        while try r.nextMember(&cursor) {
            if r.key("name") {
                name = try r.string()
            } else if r.key("local_names") {
                localNames = try r.consumeNull() ? nil : LocalNames(reading: &r)
            } else if r.key("lat") {
                lat = try r.double()
            } else if r.key("lon") {
                lon = try r.double()
            } else if r.key("country") {
                country = try r.optionalString()
            } else if r.key("state") {
                state = try r.optionalString()
            } else {
                try r.skipValue()
            }
        }
        guard let name else { throw r.missing("name", in: cursor) }
        guard let lat else { throw r.missing("lat", in: cursor) }
        guard let lon else { throw r.missing("lon", in: cursor) }
        self.name = name
        self.coordinates = Coordinates(uncheckedLatitude: lat, longitude: lon)
    }
}
