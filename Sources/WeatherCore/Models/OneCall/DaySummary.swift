public import Foundation

/// Aggregated weather for one day: the response of `/data/3.0/onecall/day_summary`.
///
/// Values are in the units of the request; WeatherCore always asks for `standard` (kelvin, m/s),
/// which ``units`` confirms.
public struct DaySummary: Sendable, Equatable, Codable {
    /// The point asked for (`lat`, `lon`).
    public var coordinates: Coordinates
    /// The place's UTC offset as OpenWeather writes it (`tz`, e.g. `+02:00`).
    public var utcOffset: String
    /// The day, `YYYY-MM-DD` (`date`).
    public var date: String
    /// The unit system of the values (`units`), `standard` when WeatherCore asked.
    public var units: String
    /// Cloud cover at 12:00 local time, in percent (`cloud_cover.afternoon`).
    public var cloudCoverAfternoon: Double?
    /// Relative humidity at 12:00, in percent (`humidity.afternoon`).
    public var humidityAfternoon: Double?
    /// Total precipitation over the day (`precipitation.total`).
    public var precipitationTotal: Precipitation?
    /// The day's temperatures (`temperature`).
    public var temperature: Temperatures
    /// Pressure at 12:00 (`pressure.afternoon`).
    public var pressureAfternoon: Pressure?
    /// The strongest wind of the day (`wind.max.speed`, `wind.max.direction`).
    public var maximumWind: Wind?

    /// The day-summary temperature block (`temperature`).
    public struct Temperatures: Sendable, Equatable, Codable {
        /// Minimum of the day (`min`).
        public var min: Temperature?
        /// Maximum of the day (`max`).
        public var max: Temperature?
        /// At 12:00 (`afternoon`).
        public var afternoon: Temperature?
        /// At 00:00 (`night`).
        public var night: Temperature?
        /// At 18:00 (`evening`).
        public var evening: Temperature?
        /// At 06:00 (`morning`).
        public var morning: Temperature?
    }
}

extension DaySummary: OpenWeatherDecodable {
    /// Decodes a `/data/3.0/onecall/day_summary` response body.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes)
    }

    /// The place's time zone, from ``utcOffset``; `nil` if it is not `±HH:MM`.
    public var timeZone: TimeZone? {
        OneCallTimeZone.zone(ofOffsetText: utcOffset)
    }
}

extension DaySummary: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var place = OneCallPlaceMembers()
        var date: String?
        var units = ""
        temperature = Temperatures()
        while try r.nextMember(&cursor) {
            if try place.read(&r) {
                continue
            } else if r.key("date") {
                date = try r.string()
            } else if r.key("units") {
                units = try r.string()
            } else if r.key("cloud_cover") {
                cloudCoverAfternoon = try SingleNumber.read(&r, key: "afternoon")
            } else if r.key("humidity") {
                humidityAfternoon = try SingleNumber.read(&r, key: "afternoon")
            } else if r.key("precipitation") {
                precipitationTotal = try SingleNumber.read(&r, key: "total").map { Precipitation(millimeters: $0) }
            } else if r.key("pressure") {
                pressureAfternoon = try SingleNumber.read(&r, key: "afternoon").map { Pressure(hectopascals: $0) }
            } else if r.key("temperature") {
                temperature = try Temperatures(reading: &r)
            } else if r.key("wind") {
                maximumWind = try MaximumWind(reading: &r).wind
            } else {
                try r.skipValue()
            }
        }
        coordinates = try place.coordinates(r, in: cursor)
        guard let date else { throw r.missing("date", in: cursor) }
        self.utcOffset = place.utcOffset
        self.date = date
        self.units = units
    }
}

extension DaySummary.Temperatures: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        while try r.nextMember(&cursor) {
            if r.key("min") {
                min = try r.optionalDouble().map { Temperature(kelvin: $0) }
            } else if r.key("max") {
                max = try r.optionalDouble().map { Temperature(kelvin: $0) }
            } else if r.key("afternoon") {
                afternoon = try r.optionalDouble().map { Temperature(kelvin: $0) }
            } else if r.key("night") {
                night = try r.optionalDouble().map { Temperature(kelvin: $0) }
            } else if r.key("evening") {
                evening = try r.optionalDouble().map { Temperature(kelvin: $0) }
            } else if r.key("morning") {
                morning = try r.optionalDouble().map { Temperature(kelvin: $0) }
            } else {
                try r.skipValue()
            }
        }
    }
}

/// Reads `{"<key>": number}` blocks such as `{"afternoon": 33}`; `nil` when the key is absent.
private enum SingleNumber {
    static func read(_ r: inout JSONReader, key: StaticString) throws(JSONFailure) -> Double? {
        if try r.consumeNull() { return nil }
        var cursor = try r.beginObject()
        var value: Double?
        while try r.nextMember(&cursor) {
            if r.key(key) {
                value = try r.optionalDouble()
            } else {
                try r.skipValue()
            }
        }
        return value
    }
}

/// Reads `{"max":{"speed":…,"direction":…}}`.
private struct MaximumWind {
    var wind: Wind?

    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        while try r.nextMember(&cursor) {
            if r.key("max") {
                var inner = try r.beginObject()
                var speed: Double?
                var direction: Double = 0
                while try r.nextMember(&inner) {
                    if r.key("speed") {
                        speed = try r.double()
                    } else if r.key("direction") {
                        direction = try r.double()
                    } else {
                        try r.skipValue()
                    }
                }
                wind = speed.map { Wind(speed: Speed(metersPerSecond: $0), direction: Direction(degrees: direction)) }
            } else {
                try r.skipValue()
            }
        }
    }
}
