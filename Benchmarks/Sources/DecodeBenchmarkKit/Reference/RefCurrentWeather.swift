/// `/data/2.5/weather`, decoded by Foundation's `JSONDecoder`.
package struct RefCurrentWeather: Codable, Sendable, Equatable {
    /// `main` of current weather.
    package struct Main: Codable, Sendable, Equatable {
        package var temp: Double
        package var feelsLike: Double
        package var tempMin: Double
        package var tempMax: Double
        package var pressure: Int
        package var humidity: Int
        package var seaLevel: Int?
        package var grndLevel: Int?

        enum CodingKeys: String, CodingKey {
            case temp
            case feelsLike = "feels_like"
            case tempMin = "temp_min"
            case tempMax = "temp_max"
            case pressure
            case humidity
            case seaLevel = "sea_level"
            case grndLevel = "grnd_level"
        }
    }

    /// `sys` of current weather.
    package struct Sys: Codable, Sendable, Equatable {
        package var type: Int?
        package var id: Int?
        package var message: Double?
        package var country: String?
        package var sunrise: Int?
        package var sunset: Int?
    }

    package var coord: RefCoordinates
    package var weather: [RefCondition]
    package var base: String
    package var main: Main
    package var visibility: Int?
    package var wind: RefWind
    package var rain: RefPrecipitationVolume?
    package var snow: RefPrecipitationVolume?
    package var clouds: RefClouds
    package var dt: Int
    package var sys: Sys
    package var timezone: Int
    package var id: Int
    package var name: String
    package var cod: Int
}
