public import Foundation

/// One day of One Call 3.0's 8-day forecast (`daily[]`), and one record of One Call 4.0's daily
/// timeline (`/timeline/1day`: from 1979 to about 18 months ahead).
public struct DailyForecast: Sendable, Equatable, Codable {
    /// Noon of the day, local time (`dt`).
    public var time: Date
    /// Sunrise (`sunrise`); `nil` in polar night or day.
    public var sunrise: Date?
    /// Sunset (`sunset`); `nil` in polar night or day.
    public var sunset: Date?
    /// Moonrise (`moonrise`); `nil` on days without one (OpenWeather sends 0).
    public var moonrise: Date?
    /// Moonset (`moonset`); `nil` on days without one.
    public var moonset: Date?
    /// Moon phase (`moon_phase`): 0 and 1 new moon, 0.25 first quarter, 0.5 full, 0.75 last quarter.
    public var moonPhase: Double?
    /// A human-readable summary of the day (`summary`).
    public var summary: String?
    /// Temperatures through the day (`temp`).
    public var temperature: DailyTemperatures
    /// Perceived temperatures through the day (`feels_like`).
    public var feelsLike: DailyFeelsLike
    /// Atmospheric pressure at sea level (`pressure`).
    public var pressure: Pressure
    /// Relative humidity in percent (`humidity`).
    public var humidity: Int
    /// Dew point (`dew_point`).
    public var dewPoint: Temperature?
    /// Wind (`wind_speed`, `wind_deg`, `wind_gust`).
    public var wind: Wind
    /// Cloudiness in percent (`clouds`).
    public var cloudiness: Int?
    /// The day's maximum UV index (`uvi`).
    public var uvIndex: Double?
    /// Probability of precipitation, 0…1 (`pop`).
    public var precipitationProbability: Double?
    /// Rain volume for the day (`rain`: a bare number, or 4.0's `{"1h": …}`, both mm per day);
    /// absent when none.
    public var rain: Precipitation?
    /// Snow volume for the day (`snow`, as ``rain``); absent when none.
    public var snow: Precipitation?
    /// The conditions (`weather`); empty when OpenWeather sends none or `null` (seen on 4.0).
    public var conditions: [WeatherCondition]
    /// One Call 4.0: the ids of the alerts in force on this day (`alerts`); `nil` when there are none.
    public var alertIDs: [String]? = nil
}

/// The daily temperature block (`temp`).
public struct DailyTemperatures: Sendable, Equatable, Codable {
    /// Morning (`morn`).
    public var morning: Temperature?
    /// Day (`day`).
    public var day: Temperature
    /// Evening (`eve`).
    public var evening: Temperature?
    /// Night (`night`).
    public var night: Temperature?
    /// Daily minimum (`min`).
    public var min: Temperature?
    /// Daily maximum (`max`).
    public var max: Temperature?
}

/// The daily perceived-temperature block (`feels_like`).
public struct DailyFeelsLike: Sendable, Equatable, Codable {
    /// Morning (`morn`).
    public var morning: Temperature?
    /// Day (`day`).
    public var day: Temperature
    /// Evening (`eve`).
    public var evening: Temperature?
    /// Night (`night`).
    public var night: Temperature?
}

/// Reads `{"morn":…,"day":…,"eve":…,"night":…,"min":…,"max":…}`.
private struct PartsOfDay: JSONReadable {
    var morning: Temperature?
    var day: Temperature?
    var evening: Temperature?
    var night: Temperature?
    var min: Temperature?
    var max: Temperature?
    var start = 0

    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        start = cursor.start
        while try r.nextMember(&cursor) {
            switch r.keyCount {
            case 3:
                if r.key("day") {
                    day = Temperature(kelvin: try r.double())
                    continue
                }
                if r.key("min") {
                    min = Temperature(kelvin: try r.double())
                    continue
                }
                if r.key("max") {
                    max = Temperature(kelvin: try r.double())
                    continue
                }
                if r.key("eve") {
                    evening = Temperature(kelvin: try r.double())
                    continue
                }
            case 4:
                if r.key("morn") {
                    morning = Temperature(kelvin: try r.double())
                    continue
                }
            case 5:
                if r.key("night") {
                    night = Temperature(kelvin: try r.double())
                    continue
                }
            default:
                break
            }
            try r.skipValue()
        }
    }

    func requireDay() throws(JSONFailure) -> Temperature {
        guard let day else { throw JSONFailure(reason: .missingKey("day"), offset: start) }
        return day
    }
}

extension DailyForecast: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var time: Date?
        var temperature: DailyTemperatures?
        var feelsLike: DailyFeelsLike?
        var pressure: Double?
        var humidity: Int?
        var windSpeed: Double = 0
        var windDirection: Double = 0
        var windGust: Double?
        var conditions: [WeatherCondition] = []
        // Optional fields stay locals until the end (see ForecastEntry): no piecewise re-initialisation.
        var sunrise: Date?
        var sunset: Date?
        var moonrise: Date?
        var moonset: Date?
        var moonPhase: Double?
        var summary: String?
        var dewPoint: Temperature?
        var cloudiness: Int?
        var uvIndex: Double?
        var precipitationProbability: Double?
        var rain: Precipitation?
        var snow: Precipitation?
        var alertIDs: [String]?
        // Dispatched on the key's length, then compared as words (see FlatReadings).
        while try r.nextMember(&cursor) {
            switch r.keyCount {
            case 2:
                if r.key("dt") {
                    time = try r.date()
                    continue
                }
            case 3:
                if r.key("pop") {
                    precipitationProbability = try r.optionalDouble()
                    continue
                }
                if r.key("uvi") {
                    uvIndex = try r.optionalDouble()
                    continue
                }
            case 4:
                if r.key("temp") {
                    let p = try PartsOfDay(reading: &r)
                    temperature = DailyTemperatures(
                        morning: p.morning, day: try p.requireDay(), evening: p.evening, night: p.night, min: p.min,
                        max: p.max)
                    continue
                }
                if r.key("rain") {
                    rain = try r.dailyPrecipitation()
                    continue
                }
                if r.key("snow") {
                    snow = try r.dailyPrecipitation()
                    continue
                }
            case 6:
                if r.key("clouds") {
                    cloudiness = try r.optionalInt()
                    continue
                }
                if r.key("sunset") {
                    sunset = try r.dateUnlessZero()
                    continue
                }
                if r.key("alerts") {
                    alertIDs = try r.alertIDs()
                    continue
                }
            case 7:
                if r.key("weather") {
                    conditions = try r.consumeNull() ? [] : r.array(of: WeatherCondition.self)
                    continue
                }
                if r.key("sunrise") {
                    sunrise = try r.dateUnlessZero()
                    continue
                }
                if r.key("moonset") {
                    moonset = try r.dateUnlessZero()
                    continue
                }
                if r.key("summary") {
                    summary = try r.optionalString()
                    continue
                }
            case 8:
                if r.key("pressure") {
                    pressure = try r.double()
                    continue
                }
                if r.key("humidity") {
                    humidity = try r.int()
                    continue
                }
                if r.key("wind_deg") {
                    windDirection = try r.double()
                    continue
                }
                if r.key("moonrise") {
                    moonrise = try r.dateUnlessZero()
                    continue
                }
            case 9:
                if r.key("dew_point") {
                    dewPoint = try r.optionalDouble().map { Temperature(kelvin: $0) }
                    continue
                }
                if r.key("wind_gust") {
                    windGust = try r.optionalDouble()
                    continue
                }
            case 10:
                if r.key("feels_like") {
                    let p = try PartsOfDay(reading: &r)
                    feelsLike = DailyFeelsLike(
                        morning: p.morning, day: try p.requireDay(), evening: p.evening, night: p.night)
                    continue
                }
                if r.key("wind_speed") {
                    windSpeed = try r.double()
                    continue
                }
                if r.key("moon_phase") {
                    moonPhase = try r.optionalDouble()
                    continue
                }
            default:
                break
            }
            try r.skipValue()
        }
        guard let time else { throw r.missing("dt", in: cursor) }
        guard let temperature else { throw r.missing("temp", in: cursor) }
        guard let pressure else { throw r.missing("pressure", in: cursor) }
        guard let humidity else { throw r.missing("humidity", in: cursor) }
        self.time = time
        self.temperature = temperature
        self.feelsLike = feelsLike ?? DailyFeelsLike(morning: nil, day: temperature.day, evening: nil, night: nil)
        self.pressure = Pressure(hectopascals: pressure)
        self.humidity = humidity
        self.wind = Wind(
            speed: Speed(metersPerSecond: windSpeed), direction: Direction(degrees: windDirection),
            gust: windGust.map { Speed(metersPerSecond: $0) })
        self.conditions = conditions
        self.sunrise = sunrise
        self.sunset = sunset
        self.moonrise = moonrise
        self.moonset = moonset
        self.moonPhase = moonPhase
        self.summary = summary
        self.dewPoint = dewPoint
        self.cloudiness = cloudiness
        self.uvIndex = uvIndex
        self.precipitationProbability = precipitationProbability
        self.rain = rain
        self.snow = snow
        self.alertIDs = alertIDs
    }
}

extension JSONReader {
    /// A daily `rain`/`snow` total in mm: a bare number (3.0, and 4.0 in practice), or 4.0's
    /// documented `{"1h": n}` (also mm for the day); `nil` for `null` or an object without `1h`.
    mutating func dailyPrecipitation() throws(JSONFailure) -> Precipitation? {
        if try consumeNull() { return nil }
        if try peek() == UInt8(ascii: "{") {
            let volume = try PrecipitationVolume(reading: &self)
            return volume.lastHour ?? volume.lastThreeHours
        }
        return Precipitation(millimeters: try double())
    }

    /// One Call 4.0's `alerts`: an array of alert id strings; `nil` for `null` or an empty array.
    mutating func alertIDs() throws(JSONFailure) -> [String]? {
        if try consumeNull() { return nil }
        let ids = try stringArray()
        return ids.isEmpty ? nil : ids
    }
}

extension DailyForecast {
    /// The encoded keys: `alertIDs` as `alertIds`, so snake_case encoders write `alert_ids`
    /// (Foundation's conversion splits `IDs` into `i_ds`).
    enum CodingKeys: String, CodingKey {
        case time, sunrise, sunset, moonrise, moonset, moonPhase, summary, temperature, feelsLike, pressure, humidity, dewPoint, wind, cloudiness, uvIndex, precipitationProbability, rain, snow, conditions
        case alertIDs = "alertIds"
    }
}
