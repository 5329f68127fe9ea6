/// A point on the Earth, in decimal degrees (WGS 84, as OpenWeather uses).
public struct Coordinates: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Degrees north of the equator, −90…90.
    public let latitude: Double
    /// Degrees east of Greenwich, −180…180.
    public let longitude: Double

    /// Creates coordinates, checking that they exist on the Earth.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` when the latitude is outside
    ///   −90…90, the longitude outside −180…180, or either is not a finite number.
    public init(latitude: Double, longitude: Double) throws(WeatherError) {
        let query = "lat=\(latitude), lon=\(longitude)"
        guard latitude.isFinite, latitude >= -90, latitude <= 90 else {
            throw .invalidRequest(
                "Latitude \(latitude) is out of range: use decimal degrees from -90 (south) to 90 (north).",
                query: query)
        }
        guard longitude.isFinite, longitude >= -180, longitude <= 180 else {
            throw .invalidRequest(
                "Longitude \(longitude) is out of range: use decimal degrees from -180 (west) to 180 (east).",
                query: query)
        }
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Creates coordinates without checking them: for values that come from OpenWeather itself.
    ///
    /// Prefer ``init(latitude:longitude:)`` for anything a user typed.
    public init(uncheckedLatitude latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Decodes `{"latitude": …, "longitude": …}`, checked as ``init(latitude:longitude:)`` checks.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let latitude = try container.decode(Double.self, forKey: .latitude)
        let longitude = try container.decode(Double.self, forKey: .longitude)
        do {
            try self.init(latitude: latitude, longitude: longitude)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .latitude, in: container, debugDescription: error.message)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case latitude, longitude
    }

    /// `lat,lon` with up to 6 decimals (about 0.1 m), never in exponent notation.
    public var description: String { "\(Self.format(latitude)),\(Self.format(longitude))" }

    /// A degree value with up to `fractionDigits` decimals, trailing zeros removed (`8.5`, `-0.0001`, `47`).
    static func format(_ degrees: Double, fractionDigits: Int = 6) -> String {
        var text = UnitFormatting.format(degrees, fractionDigits: fractionDigits)
        guard text.contains(".") else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}

extension Coordinates: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var lat: Double?
        var lon: Double?
        while try r.nextMember(&cursor) {
            if r.key("lat") {
                lat = try r.double()
            } else if r.key("lon") {
                lon = try r.double()
            } else {
                try r.skipValue()
            }
        }
        guard let lat else { throw r.missing("lat", in: cursor) }
        guard let lon else { throw r.missing("lon", in: cursor) }
        self.init(uncheckedLatitude: lat, longitude: lon)
    }
}
