public import Foundation

/// One hour of One Call 3.0's 48-hour forecast (`hourly[]`), and one record of One Call 4.0's
/// hourly and 15-minute timelines (`/timeline/1h`, `/timeline/15min`: from 1979 to 48 hours ahead).
public struct HourlyForecast: Sendable, Equatable, Codable {
    /// The start of the hour (`dt`).
    public var time: Date
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
    /// Visibility (`visibility`); absent when not forecast (and on some old historical hours).
    public var visibility: Distance?
    /// Wind (`wind_speed`, `wind_deg`, `wind_gust`).
    public var wind: Wind
    /// Probability of precipitation, 0…1 (`pop`); absent on some past hours.
    public var precipitationProbability: Double?
    /// Rain (`rain.1h`); absent when none (15-minute records never carry it in practice).
    public var rain: PrecipitationVolume?
    /// Snow (`snow.1h`); absent when none.
    public var snow: PrecipitationVolume?
    /// The conditions (`weather`); empty when OpenWeather sends none or `null`.
    public var conditions: [WeatherCondition]
    /// One Call 4.0: the ids of the alerts in force at this time (`alerts`); `nil` when there are
    /// none, and always for One Call 3.0, whose alerts come whole in ``OneCall/alerts``.
    public var alertIDs: [String]? = nil
}

extension HourlyForecast: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        let f = try FlatReadings(reading: &r)
        time = try f.required(f.time, "dt")
        temperature = Temperature(kelvin: try f.required(f.temperature, "temp"))
        feelsLike = Temperature(kelvin: f.feelsLike ?? f.temperature!)
        pressure = Pressure(hectopascals: try f.required(f.pressure, "pressure"))
        humidity = try f.required(f.humidity, "humidity")
        dewPoint = f.dewPoint.map { Temperature(kelvin: $0) }
        uvIndex = f.uvIndex
        cloudiness = f.cloudiness
        visibility = f.visibility.map { Distance(meters: $0) }
        wind = f.wind
        precipitationProbability = f.precipitationProbability
        rain = f.rain
        snow = f.snow
        conditions = f.conditions
        alertIDs = f.alertIDs
    }
}

extension HourlyForecast {
    /// The encoded keys: `alertIDs` as `alertIds`, so snake_case encoders write `alert_ids`
    /// (Foundation's conversion splits `IDs` into `i_ds`).
    enum CodingKeys: String, CodingKey {
        case time, temperature, feelsLike, pressure, humidity, dewPoint, uvIndex, cloudiness, visibility, wind, precipitationProbability, rain, snow, conditions
        case alertIDs = "alertIds"
    }
}
