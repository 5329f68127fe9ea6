/// `/data/2.5/weather`, decoded by Foundation's `JSONDecoder`.
struct ReferenceCurrentWeather: Decodable {
    struct Main: Decodable {
        var temp: Double
        var feelsLike: Double
        var tempMin: Double
        var tempMax: Double
        var pressure: Double
        var humidity: Int
        var seaLevel: Double?
        var grndLevel: Double?
        var tempKf: Double?

        enum CodingKeys: String, CodingKey {
            case temp
            case feelsLike = "feels_like"
            case tempMin = "temp_min"
            case tempMax = "temp_max"
            case pressure, humidity
            case seaLevel = "sea_level"
            case grndLevel = "grnd_level"
            case tempKf = "temp_kf"
        }
    }

    struct Sys: Decodable {
        var type: Int?
        var id: Int?
        var message: Double?
        var country: String?
        var sunrise: Int?
        var sunset: Int?
    }

    var coord: ReferenceCoordinates
    var weather: [ReferenceCondition]
    var base: String?
    var main: Main
    var visibility: Double?
    var wind: ReferenceWind
    var rain: ReferencePrecipitationVolume?
    var snow: ReferencePrecipitationVolume?
    var clouds: ReferenceClouds
    var dt: Int
    var sys: Sys
    var timezone: Int
    var id: Int
    var name: String
    var cod: ReferenceStatusCode?

    /// Members OpenWeather may leave out, which the variations remove.
    static let optionalPaths: [[String]] = [
        ["base"], ["visibility"], ["wind", "gust"], ["rain"], ["snow"], ["main", "sea_level"],
        ["main", "grnd_level"], ["sys", "type"], ["sys", "id"], ["sys", "message"], ["sys", "country"],
        ["sys", "sunrise"], ["sys", "sunset"], ["cod"], ["rain", "1h"], ["snow", "1h"],
    ]
}
