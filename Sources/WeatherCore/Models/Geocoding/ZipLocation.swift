/// The place of a zip or post code: the response of `/geo/1.0/zip`.
public struct ZipLocation: Sendable, Equatable, Codable {
    /// The code asked for (`zip`).
    public var zip: String
    /// The place's name (`name`).
    public var name: String
    /// Where it is (`lat`, `lon`).
    public var coordinates: Coordinates
    /// Country code, ISO 3166 (`country`).
    public var country: String?
}

extension ZipLocation: OpenWeatherDecodable {
    /// Decodes a `/geo/1.0/zip` response body.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes)
    }
}

extension ZipLocation: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var zip = ""
        var name = ""
        var lat: Double?
        var lon: Double?
        while try r.nextMember(&cursor) {
            if r.key("zip") {
                zip = try r.string()
            } else if r.key("name") {
                name = try r.string()
            } else if r.key("lat") {
                lat = try r.double()
            } else if r.key("lon") {
                lon = try r.double()
            } else if r.key("country") {
                country = try r.optionalString()
            } else {
                try r.skipValue()
            }
        }
        guard let lat else { throw r.missing("lat", in: cursor) }
        guard let lon else { throw r.missing("lon", in: cursor) }
        self.zip = zip
        self.name = name
        self.coordinates = Coordinates(uncheckedLatitude: lat, longitude: lon)
    }
}
