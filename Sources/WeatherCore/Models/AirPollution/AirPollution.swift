public import Foundation

/// Air quality at a point: the response of `/data/2.5/air_pollution` (one reading) and of its
/// `/forecast` and `/history` variants (hourly readings).
public struct AirPollution: Sendable, Equatable, Codable {
    /// The point asked for (`coord`).
    public var coordinates: Coordinates
    /// The readings, in time order (`list`).
    public var readings: [AirQualityReading]
}

extension AirPollution: OpenWeatherDecodable {
    /// Decodes a `/data/2.5/air_pollution` (or `/forecast`, `/history`) response body.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes)
    }

    /// The time of the first reading (`list[0].dt`): for the current endpoint, the observation.
    public var observedAt: Date? { readings.first?.time }
}

extension AirPollution: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var coordinates: Coordinates?
        var readings: [AirQualityReading]?
        while try r.nextMember(&cursor) {
            if r.key("list") {
                readings = try r.array(of: AirQualityReading.self)
            } else if r.key("coord") {
                coordinates = try Coordinates(reading: &r)
            } else {
                try r.skipValue()
            }
        }
        guard let coordinates else { throw r.missing("coord", in: cursor) }
        guard let readings else { throw r.missing("list", in: cursor) }
        self.init(coordinates: coordinates, readings: readings)
    }
}
