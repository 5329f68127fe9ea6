public import Foundation

/// A human-readable overview of today's and tomorrow's weather: the response of
/// `/data/3.0/onecall/overview`.
public struct WeatherOverview: Sendable, Equatable, Codable {
    /// The point asked for (`lat`, `lon`).
    public var coordinates: Coordinates
    /// The place's UTC offset as OpenWeather writes it (`tz`, e.g. `+01:00`).
    public var utcOffset: String
    /// The day the overview is for, `YYYY-MM-DD` (`date`).
    public var date: String
    /// The unit system used in the text (`units`).
    public var units: String
    /// The overview in words (`weather_overview`).
    public var overview: String
}

extension WeatherOverview: OpenWeatherDecodable {
    /// Decodes a `/data/3.0/onecall/overview` response body.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes)
    }

    /// The place's time zone, from ``utcOffset``; `nil` if it is not `±HH:MM`.
    public var timeZone: TimeZone? {
        OneCallTimeZone.zone(ofOffsetText: utcOffset)
    }
}

extension WeatherOverview: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var place = OneCallPlaceMembers()
        var date = ""
        var units = ""
        var overview: String?
        while try r.nextMember(&cursor) {
            if try place.read(&r) {
                continue
            } else if r.key("date") {
                date = try r.string()
            } else if r.key("units") {
                units = try r.string()
            } else if r.key("weather_overview") {
                overview = try r.string()
            } else {
                try r.skipValue()
            }
        }
        let coordinates = try place.coordinates(r, in: cursor)
        guard let overview else { throw r.missing("weather_overview", in: cursor) }
        self.init(coordinates: coordinates, utcOffset: place.utcOffset, date: date, units: units, overview: overview)
    }
}
