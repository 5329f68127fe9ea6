/// `/data/3.0/onecall`, decoded by Foundation's `JSONDecoder`.
package struct RefOneCall: Codable, Sendable, Equatable {
    /// `current`.
    package struct Current: Codable, Sendable, Equatable {
        package var dt: Int
        package var sunrise: Int?
        package var sunset: Int?
        package var temp: Double
        package var feelsLike: Double
        package var pressure: Int
        package var humidity: Int
        package var dewPoint: Double
        package var uvi: Double
        package var clouds: Int
        package var visibility: Int?
        package var windSpeed: Double
        package var windDeg: Int
        package var windGust: Double?
        package var weather: [RefCondition]
        package var rain: RefPrecipitationVolume?
        package var snow: RefPrecipitationVolume?

        enum CodingKeys: String, CodingKey {
            case dt, sunrise, sunset, temp
            case feelsLike = "feels_like"
            case pressure, humidity
            case dewPoint = "dew_point"
            case uvi, clouds, visibility
            case windSpeed = "wind_speed"
            case windDeg = "wind_deg"
            case windGust = "wind_gust"
            case weather, rain, snow
        }
    }

    /// `minutely[]`.
    package struct Minute: Codable, Sendable, Equatable {
        package var dt: Int
        package var precipitation: Double
    }

    /// `hourly[]`.
    package struct Hour: Codable, Sendable, Equatable {
        package var dt: Int
        package var temp: Double
        package var feelsLike: Double
        package var pressure: Int
        package var humidity: Int
        package var dewPoint: Double
        package var uvi: Double
        package var clouds: Int
        package var visibility: Int?
        package var windSpeed: Double
        package var windDeg: Int
        package var windGust: Double?
        package var weather: [RefCondition]
        package var pop: Double?
        package var rain: RefPrecipitationVolume?
        package var snow: RefPrecipitationVolume?

        enum CodingKeys: String, CodingKey {
            case dt, temp
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

    /// `daily[].temp`.
    package struct DayTemperatures: Codable, Sendable, Equatable {
        package var day: Double
        package var min: Double
        package var max: Double
        package var night: Double
        package var eve: Double
        package var morn: Double
    }

    /// `daily[].feels_like`.
    package struct DayFeelsLike: Codable, Sendable, Equatable {
        package var day: Double
        package var night: Double
        package var eve: Double
        package var morn: Double
    }

    /// `daily[]`.
    package struct Day: Codable, Sendable, Equatable {
        package var dt: Int
        package var sunrise: Int?
        package var sunset: Int?
        package var moonrise: Int
        package var moonset: Int
        package var moonPhase: Double
        package var summary: String?
        package var temp: DayTemperatures
        package var feelsLike: DayFeelsLike
        package var pressure: Int
        package var humidity: Int
        package var dewPoint: Double
        package var windSpeed: Double
        package var windDeg: Int
        package var windGust: Double?
        package var weather: [RefCondition]
        package var clouds: Int
        package var pop: Double?
        /// A bare number here, an object in `current` and `hourly`.
        package var rain: Double?
        package var snow: Double?
        package var uvi: Double

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

    /// `alerts[]`.
    package struct Alert: Codable, Sendable, Equatable {
        package var senderName: String
        package var event: String
        package var start: Int
        package var end: Int
        package var description: String
        package var tags: [String]

        enum CodingKeys: String, CodingKey {
            case senderName = "sender_name"
            case event, start, end, description, tags
        }
    }

    package var lat: Double
    package var lon: Double
    package var timezone: String
    package var timezoneOffset: Int
    package var current: Current?
    package var minutely: [Minute]?
    package var hourly: [Hour]?
    package var daily: [Day]?
    package var alerts: [Alert]?

    enum CodingKeys: String, CodingKey {
        case lat, lon, timezone
        case timezoneOffset = "timezone_offset"
        case current, minutely, hourly, daily, alerts
    }
}
