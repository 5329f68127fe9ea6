/// The places matching a geocoding query: the response of `/geo/1.0/direct` and `/geo/1.0/reverse`
/// (a JSON array, possibly empty).
public struct GeocodingResults: Sendable, Equatable, Codable {
    /// The matches, best first.
    public var places: [GeocodedPlace]

    /// Creates results from places.
    public init(places: [GeocodedPlace]) {
        self.places = places
    }

    /// Encodes as a bare array, as OpenWeather sends it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(places)
    }

    /// Decodes the bare array ``encode(to:)`` writes.
    public init(from decoder: any Decoder) throws {
        places = try decoder.singleValueContainer().decode([GeocodedPlace].self)
    }
}

extension GeocodingResults: OpenWeatherDecodable {
    /// Decodes a `/geo/1.0/direct` or `/geo/1.0/reverse` response body.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes)
    }
}

extension GeocodingResults: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        places = try r.array(of: GeocodedPlace.self)
    }
}
