public import Foundation

/// The 5-day forecast in 3-hour steps: the response of `/data/2.5/forecast`.
public struct Forecast: Sendable, Equatable, Codable {
    /// The status code OpenWeather put in the body (`cod`, sent as the string `"200"`).
    public var code: Int?
    /// The number of steps OpenWeather says it returned (`cnt`).
    public var count: Int
    /// The steps, in time order (`list`).
    public var entries: [ForecastEntry]
    /// The place the forecast is for (`city`).
    public var city: ForecastCity
}

extension Forecast: OpenWeatherDecodable {
    /// Decodes a `/data/2.5/forecast` response body.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes)
    }

    /// The place's time zone as a fixed offset from UTC.
    public var timeZone: TimeZone { city.timeZone }
}

extension Forecast: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var code: Int?
        var count: Int?
        var entries: [ForecastEntry]?
        var city: ForecastCity?
        while try r.nextMember(&cursor) {
            if r.key("list") {
                entries = try r.array(of: ForecastEntry.self, reserving: 40)
            } else if r.key("city") {
                city = try ForecastCity(reading: &r)
            } else if r.key("cnt") {
                count = try r.int()
            } else if r.key("cod") {
                code = try r.consumeNull() ? nil : r.intOrNumericString()
            } else {
                try r.skipValue()
            }
        }
        guard let entries else { throw r.missing("list", in: cursor) }
        guard let city else { throw r.missing("city", in: cursor) }
        self.init(code: code, count: count ?? entries.count, entries: entries, city: city)
    }
}

extension Forecast: PlaceTimeZoneProviding {}
