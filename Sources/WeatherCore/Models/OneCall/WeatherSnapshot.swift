public import Foundation

/// The weather at one instant, as One Call reports it: 3.0's `current` and each `data[]` entry of
/// `/onecall/timemachine`, and 4.0's `/current` record.
public struct WeatherSnapshot: Sendable, Equatable, Codable {
    /// The instant (`dt`).
    public var time: Date
    /// Sunrise (`sunrise`); `nil` in polar night or day.
    public var sunrise: Date?
    /// Sunset (`sunset`); `nil` in polar night or day.
    public var sunset: Date?
    /// Air temperature (`temp`).
    public var temperature: Temperature
    /// Temperature as people perceive it (`feels_like`).
    public var feelsLike: Temperature
    /// Atmospheric pressure at sea level (`pressure`).
    public var pressure: Pressure
    /// Relative humidity in percent (`humidity`).
    public var humidity: Int
    /// Dew point (`dew_point`).
    public var dewPoint: Temperature?
    /// UV index (`uvi`).
    public var uvIndex: Double?
    /// Cloudiness in percent (`clouds`).
    public var cloudiness: Int?
    /// Visibility (`visibility`, at most 10 km); absent when not reported.
    public var visibility: Distance?
    /// Wind (`wind_speed`, `wind_deg`, `wind_gust`).
    public var wind: Wind
    /// Rain (`rain.1h`); absent when it does not rain.
    public var rain: PrecipitationVolume?
    /// Snow (`snow.1h`); absent when it does not snow.
    public var snow: PrecipitationVolume?
    /// The conditions (`weather`); empty when OpenWeather sends none or `null`.
    public var conditions: [WeatherCondition]
    /// One Call 4.0: the ids of the alerts in force at this time (`alerts`); `nil` when there are
    /// none, and always for One Call 3.0, whose alerts come whole in ``OneCall/alerts``.
    public var alertIDs: [String]? = nil
}

extension WeatherSnapshot: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        let f = try FlatReadings(reading: &r)
        time = try f.required(f.time, "dt")
        sunrise = f.sunrise
        sunset = f.sunset
        temperature = Temperature(kelvin: try f.required(f.temperature, "temp"))
        feelsLike = Temperature(kelvin: f.feelsLike ?? f.temperature!)
        pressure = Pressure(hectopascals: try f.required(f.pressure, "pressure"))
        humidity = try f.required(f.humidity, "humidity")
        dewPoint = f.dewPoint.map { Temperature(kelvin: $0) }
        uvIndex = f.uvIndex
        cloudiness = f.cloudiness
        visibility = f.visibility.map { Distance(meters: $0) }
        wind = f.wind
        rain = f.rain
        snow = f.snow
        conditions = f.conditions
        alertIDs = f.alertIDs
    }
}

extension WeatherSnapshot {
    /// The encoded keys: `alertIDs` as `alertIds`, so snake_case encoders write `alert_ids`
    /// (Foundation's conversion splits `IDs` into `i_ds`).
    enum CodingKeys: String, CodingKey {
        case time, sunrise, sunset, temperature, feelsLike, pressure, humidity, dewPoint, uvIndex, cloudiness, visibility, wind, rain, snow, conditions
        case alertIDs = "alertIds"
    }
}
