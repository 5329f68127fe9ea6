/// `/data/3.0/onecall`, decoded by Foundation's `JSONDecoder`.
struct ReferenceOneCall: Decodable {
    /// `current` and `hourly[]` share these flat fields.
    struct Snapshot: Decodable {
        var dt: Int
        var sunrise: Int?
        var sunset: Int?
        var temp: Double
        var feelsLike: Double
        var pressure: Double
        var humidity: Int
        var dewPoint: Double?
        var uvi: Double?
        var clouds: Int?
        var visibility: Double?
        var windSpeed: Double
        var windDeg: Double
        var windGust: Double?
        var weather: [ReferenceCondition]
        var pop: Double?
        var rain: ReferencePrecipitationVolume?
        var snow: ReferencePrecipitationVolume?

        enum CodingKeys: String, CodingKey {
            case dt, sunrise, sunset, temp
            case feelsLike = "feels_like"
            case pressure, humidity
            case dewPoint = "dew_point"
            case uvi, clouds, visibility
            case windSpeed = "wind_speed"
            case windDeg = "wind_deg"
            case windGust = "wind_gust"
            case weather, pop, rain, snow
        }
    }

    struct Minute: Decodable {
        var dt: Int
        var precipitation: Double
    }

    struct PartsOfDay: Decodable {
        var morn: Double?
        var day: Double
        var eve: Double?
        var night: Double?
        var min: Double?
        var max: Double?
    }

    struct Day: Decodable {
        var dt: Int
        var sunrise: Int?
        var sunset: Int?
        var moonrise: Int?
        var moonset: Int?
        var moonPhase: Double?
        var summary: String?
        var temp: PartsOfDay
        var feelsLike: PartsOfDay
        var pressure: Double
        var humidity: Int
        var dewPoint: Double?
        var windSpeed: Double
        var windDeg: Double
        var windGust: Double?
        var weather: [ReferenceCondition]
        var clouds: Int?
        var pop: Double?
        /// A bare number here, an object in `current` and `hourly`.
        var rain: Double?
        var snow: Double?
        var uvi: Double?

        enum CodingKeys: String, CodingKey {
            case dt, sunrise, sunset, moonrise, moonset
            case moonPhase = "moon_phase"
            case summary, temp
            case feelsLike = "feels_like"
            case pressure, humidity
            case dewPoint = "dew_point"
            case windSpeed = "wind_speed"
            case windDeg = "wind_deg"
            case windGust = "wind_gust"
            case weather, clouds, pop, rain, snow, uvi
        }
    }

    struct Alert: Decodable {
        var senderName: String
        var event: String
        var start: Int
        var end: Int
        var description: String
        var tags: [String]?

        enum CodingKeys: String, CodingKey {
            case senderName = "sender_name"
            case event, start, end, description, tags
        }
    }

    var lat: Double
    var lon: Double
    var timezone: String
    var timezoneOffset: Int
    var current: Snapshot?
    var minutely: [Minute]?
    var hourly: [Snapshot]?
    var daily: [Day]?
    var alerts: [Alert]?

    enum CodingKeys: String, CodingKey {
        case lat, lon, timezone
        case timezoneOffset = "timezone_offset"
        case current, minutely, hourly, daily, alerts
    }

    /// Members OpenWeather may leave out (or `exclude=` removes), which the variations remove.
    static let optionalPaths: [[String]] = [
        ["current"], ["minutely"], ["hourly"], ["daily"], ["alerts"],
        ["current", "sunrise"], ["current", "sunset"], ["current", "visibility"], ["current", "wind_gust"],
        ["current", "rain"], ["current", "snow"], ["current", "dew_point"], ["current", "uvi"], ["current", "clouds"],
        ["hourly", "*", "wind_gust"], ["hourly", "*", "visibility"], ["hourly", "*", "rain"], ["hourly", "*", "snow"],
        ["hourly", "*", "pop"], ["hourly", "*", "uvi"],
        ["daily", "*", "wind_gust"], ["daily", "*", "rain"], ["daily", "*", "snow"], ["daily", "*", "summary"],
        ["daily", "*", "pop"], ["daily", "*", "sunrise"], ["daily", "*", "sunset"], ["daily", "*", "moonrise"],
        ["daily", "*", "moon_phase"], ["daily", "*", "temp", "morn"], ["daily", "*", "feels_like", "eve"],
        ["alerts", "*", "tags"],
    ]
}
