/// One Call 4.0's envelope (`/data/4.0/onecall/current`, `/timeline/1min|15min|1h|1day`), decoded by
/// Foundation's `JSONDecoder`: the same fields as WeatherCore's `TimelinePage` (links kept as text).
package struct RefTimelinePage<Record: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    package var lat: Double
    package var lon: Double
    package var timezone: String
    package var timezoneOffset: Int
    package var data: [Record]
    package var prev: String?
    package var next: String?

    enum CodingKeys: String, CodingKey {
        case lat, lon, timezone
        case timezoneOffset = "timezone_offset"
        case data, prev, next
    }
}

/// The records of One Call 4.0 timelines.
package enum RefOneCall4 {
    /// A `/current`, `/timeline/15min` or `/timeline/1h` record: 3.0's flat fields, all but the
    /// documented ones optional, plus `alerts` ids.
    package struct Flat: Codable, Sendable, Equatable {
        package var dt: Int
        package var sunrise: Int?
        package var sunset: Int?
        package var temp: Double
        package var feelsLike: Double
        package var pressure: Int
        package var humidity: Int
        package var dewPoint: Double?
        package var uvi: Double?
        package var clouds: Int?
        package var visibility: Int?
        package var windSpeed: Double
        package var windDeg: Int
        package var windGust: Double?
        package var weather: [RefCondition]?
        package var pop: Double?
        package var rain: RefPrecipitationVolume?
        package var snow: RefPrecipitationVolume?
        package var alerts: [String]?

        enum CodingKeys: String, CodingKey {
            case dt, sunrise, sunset, temp
            case feelsLike = "feels_like"
            case pressure, humidity
            case dewPoint = "dew_point"
            case uvi, clouds, visibility
            case windSpeed = "wind_speed"
            case windDeg = "wind_deg"
            case windGust = "wind_gust"
            case weather, pop, rain, snow, alerts
        }
    }

    /// A `/timeline/1min` record.
    package struct Minute: Codable, Sendable, Equatable {
        package var dt: Int
        package var precipitation: Double
        package var alerts: [String]?
    }

    /// A daily `rain`/`snow`: a bare number (mm) or `{"1h": mm}`.
    package struct DailyAmount: Codable, Sendable, Equatable {
        package var millimeters: Double?

        package init(from decoder: any Decoder) throws {
            if let number = try? decoder.singleValueContainer().decode(Double.self) {
                millimeters = number
            } else {
                millimeters = try RefPrecipitationVolume(from: decoder).lastHour
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(millimeters)
        }
    }

    /// A `/timeline/1day` record: `weather` may be `null`, `rain`/`snow` either shape.
    package struct Day: Codable, Sendable, Equatable {
        package var dt: Int
        package var sunrise: Int?
        package var sunset: Int?
        package var moonrise: Int?
        package var moonset: Int?
        package var moonPhase: Double?
        package var temp: RefOneCall.DayTemperatures
        package var feelsLike: RefOneCall.DayFeelsLike
        package var pressure: Int
        package var humidity: Int
        package var dewPoint: Double?
        package var windSpeed: Double
        package var windDeg: Int
        package var windGust: Double?
        package var weather: [RefCondition]?
        package var clouds: Int?
        package var pop: Double?
        package var rain: DailyAmount?
        package var snow: DailyAmount?
        package var uvi: Double?
        package var alerts: [String]?

        enum CodingKeys: String, CodingKey {
            case dt, sunrise, sunset, moonrise, moonset
            case moonPhase = "moon_phase"
            case temp
            case feelsLike = "feels_like"
            case pressure, humidity
            case dewPoint = "dew_point"
            case windSpeed = "wind_speed"
            case windDeg = "wind_deg"
            case windGust = "wind_gust"
            case weather, clouds, pop, rain, snow, uvi, alerts
        }
    }
}
