/// `/data/2.5/forecast`, decoded by Foundation's `JSONDecoder`.
package struct RefForecast: Codable, Sendable, Equatable {
    /// `list[].main`.
    package struct Main: Codable, Sendable, Equatable {
        package var temp: Double
        package var feelsLike: Double
        package var tempMin: Double
        package var tempMax: Double
        package var pressure: Int
        package var seaLevel: Int?
        package var grndLevel: Int?
        package var humidity: Int
        package var tempKf: Double?

        enum CodingKeys: String, CodingKey {
            case temp
            case feelsLike = "feels_like"
            case tempMin = "temp_min"
            case tempMax = "temp_max"
            case pressure
            case seaLevel = "sea_level"
            case grndLevel = "grnd_level"
            case humidity
            case tempKf = "temp_kf"
        }
    }

    /// `list[].sys`: day or night.
    package struct Sys: Codable, Sendable, Equatable {
        package var pod: String
    }

    /// One 3-hour step, `list[]`.
    package struct Item: Codable, Sendable, Equatable {
        package var dt: Int
        package var main: Main
        package var weather: [RefCondition]
        package var clouds: RefClouds
        package var wind: RefWind
        package var visibility: Int?
        package var pop: Double?
        package var rain: RefPrecipitationVolume?
        package var snow: RefPrecipitationVolume?
        package var sys: Sys
        package var dtTxt: String

        enum CodingKeys: String, CodingKey {
            case dt, main, weather, clouds, wind, visibility, pop, rain, snow, sys
            case dtTxt = "dt_txt"
        }
    }

    /// `city`.
    package struct City: Codable, Sendable, Equatable {
        package var id: Int
        package var name: String
        package var coord: RefCoordinates
        package var country: String?
        package var population: Int?
        package var timezone: Int
        package var sunrise: Int?
        package var sunset: Int?
    }

    /// `"200"` here, a number in `/weather`.
    package var cod: String
    package var message: Double
    package var cnt: Int
    package var list: [Item]
    package var city: City
}
