import Foundation

/// One Call 4.0's envelope (`/current`, `/timeline/*`), decoded by Foundation's `JSONDecoder`.
struct ReferenceTimelinePage<Record: Decodable>: Decodable {
    var lat: Double
    var lon: Double
    var timezone: String?
    var timezoneOffset: Int?
    var data: [Record]?
    var prev: String?
    var next: String?

    enum CodingKeys: String, CodingKey {
        case lat, lon, timezone
        case timezoneOffset = "timezone_offset"
        case data, prev, next
    }

    /// `prev`/`next` may be any JSON value; only strings are links.
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lat = try c.decode(Double.self, forKey: .lat)
        lon = try c.decode(Double.self, forKey: .lon)
        timezone = try c.decodeIfPresent(String.self, forKey: .timezone)
        timezoneOffset = try c.decodeIfPresent(Int.self, forKey: .timezoneOffset)
        data = try c.decodeIfPresent([Record].self, forKey: .data)
        prev = try? c.decodeIfPresent(String.self, forKey: .prev)
        next = try? c.decodeIfPresent(String.self, forKey: .next)
    }

    /// Members OpenWeather may leave out, which the variations remove, for records at `data[*]`.
    static func optionalPaths(_ recordMembers: [String]) -> [[String]] {
        [["prev"], ["next"]] + recordMembers.map { ["data", "*", $0] }
    }
}

/// The flat record of 4.0 `/current`, `/timeline/15min` and `/timeline/1h`.
struct ReferenceFlatRecord4: Decodable {
    var dt: Int
    var sunrise: Int?
    var sunset: Int?
    var temp: Double
    var feelsLike: Double?
    var pressure: Double
    var humidity: Int
    var dewPoint: Double?
    var uvi: Double?
    var clouds: Int?
    var visibility: Double?
    var windSpeed: Double?
    var windDeg: Double?
    var windGust: Double?
    var weather: [ReferenceCondition]?
    var pop: Double?
    var rain: ReferencePrecipitationVolume?
    var snow: ReferencePrecipitationVolume?
    var alerts: [String]?

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

    static let optionalMembers = [
        "sunrise", "sunset", "feels_like", "dew_point", "uvi", "clouds", "visibility", "wind_gust", "pop", "rain",
        "snow", "alerts", "weather",
    ]
}

/// A 4.0 `/timeline/1min` record.
struct ReferenceMinute4: Decodable {
    var dt: Int
    var precipitation: Double
    var alerts: [String]?
}

/// A 4.0 `/timeline/1day` record: `rain`/`snow` a number or `{"1h": n}`, `weather` possibly `null`.
struct ReferenceDay4: Decodable {
    /// A daily total: a bare number or an object with `1h`.
    struct Amount: Decodable {
        var millimeters: Double?

        init(from decoder: any Decoder) throws {
            if let number = try? decoder.singleValueContainer().decode(Double.self) {
                millimeters = number
            } else {
                millimeters = try ReferencePrecipitationVolume(from: decoder).lastHour
            }
        }
    }

    var dt: Int
    var sunrise: Int?
    var sunset: Int?
    var moonrise: Int?
    var moonset: Int?
    var moonPhase: Double?
    var summary: String?
    var temp: ReferenceOneCall.PartsOfDay
    var feelsLike: ReferenceOneCall.PartsOfDay?
    var pressure: Double
    var humidity: Int
    var dewPoint: Double?
    var windSpeed: Double?
    var windDeg: Double?
    var windGust: Double?
    var weather: [ReferenceCondition]?
    var clouds: Int?
    var pop: Double?
    var rain: Amount?
    var snow: Amount?
    var uvi: Double?
    var alerts: [String]?

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
        case weather, clouds, pop, rain, snow, uvi, alerts
    }

    static let optionalMembers = [
        "sunrise", "sunset", "moonrise", "moonset", "moon_phase", "wind_gust", "weather", "pop", "rain", "snow",
        "alerts", "uvi", "clouds", "dew_point",
    ]
}

/// `/data/4.0/onecall/alert/{id}`: a bare object or `{"data": [object]}`, `description` a string
/// or a list of `{language, description}`.
struct ReferenceAlertDetail: Decodable {
    struct Translation: Decodable {
        var language: String?
        var description: String?
    }

    enum Description: Decodable {
        case text(String)
        case translations([Translation])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let text = try? c.decode(String.self) {
                self = .text(text)
            } else {
                self = .translations(try c.decode([Translation].self))
            }
        }
    }

    struct Body: Decodable {
        var id: String?
        var senderName: String?
        var event: String?
        var start: Int
        var end: Int
        var description: Description?
        var tags: [String]?

        enum CodingKeys: String, CodingKey {
            case id
            case senderName = "sender_name"
            case event, start, end, description, tags
        }
    }

    var body: Body

    private struct Wrapper: Decodable { var data: [Body] }

    init(from decoder: any Decoder) throws {
        if let wrapper = try? Wrapper(from: decoder), let first = wrapper.data.first {
            body = first
        } else {
            body = try Body(from: decoder)
        }
    }

    static let optionalPaths: [[String]] = [["tags"], ["id"], ["data", "*", "tags"], ["data", "*", "id"]]
}
