public import Foundation

/// The weather at a given instant, past or up to 4 days ahead: the response of
/// `/data/3.0/onecall/timemachine`.
public struct HistoricalWeather: Sendable, Equatable, Codable {
    /// The point asked for (`lat`, `lon`).
    public var coordinates: Coordinates
    /// The IANA time zone name (`timezone`).
    public var timeZoneIdentifier: String
    /// The zone's offset from UTC in seconds (`timezone_offset`).
    public var utcOffsetSeconds: Int
    /// The weather at the requested instant (`data`), usually one entry.
    public var data: [WeatherSnapshot]
}

extension HistoricalWeather: OpenWeatherDecodable {
    /// Decodes a `/data/3.0/onecall/timemachine` response body.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes)
    }

    /// The time of the first data point (`data[0].dt`).
    public var observedAt: Date? { data.first?.time }

    /// The place's time zone: the IANA zone, or the fixed offset if the name is unknown here.
    public var timeZone: TimeZone {
        OneCallTimeZone.resolve(identifier: timeZoneIdentifier, offsetSeconds: utcOffsetSeconds)
    }
}

extension HistoricalWeather: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var place = OneCallPlaceMembers()
        var data: [WeatherSnapshot]?
        while try r.nextMember(&cursor) {
            if r.key("data") {
                data = try r.array(of: WeatherSnapshot.self)
            } else if try !place.read(&r) {
                try r.skipValue()
            }
        }
        let coordinates = try place.coordinates(r, in: cursor)
        guard let data else { throw r.missing("data", in: cursor) }
        self.init(
            coordinates: coordinates, timeZoneIdentifier: place.timeZoneIdentifier,
            utcOffsetSeconds: place.offsetSeconds, data: data)
    }
}

extension HistoricalWeather: PlaceTimeZoneProviding {}
