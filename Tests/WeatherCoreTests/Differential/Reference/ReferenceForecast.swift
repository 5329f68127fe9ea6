/// `/data/2.5/forecast`, decoded by Foundation's `JSONDecoder`.
struct ReferenceForecast: Decodable {
    struct Item: Decodable {
        struct Sys: Decodable {
            var pod: String?
        }

        var dt: Int
        var main: ReferenceMainReadings
        var weather: [ReferenceCondition]
        var clouds: ReferenceClouds
        var wind: ReferenceWind
        var visibility: Double?
        var pop: Double?
        var rain: ReferencePrecipitationVolume?
        var snow: ReferencePrecipitationVolume?
        var sys: Sys?
        var dtTxt: String?

        enum CodingKeys: String, CodingKey {
            case dt, main, weather, clouds, wind, visibility, pop, rain, snow, sys
            case dtTxt = "dt_txt"
        }
    }

    struct City: Decodable {
        var id: Int
        var name: String
        var coord: ReferenceCoordinates
        var country: String?
        var population: Int?
        var timezone: Int
        var sunrise: Int?
        var sunset: Int?
    }

    /// `"200"`, a string here.
    var cod: ReferenceStatusCode?
    var message: Double?
    var cnt: Int?
    var list: [Item]
    var city: City

    /// Members OpenWeather may leave out, which the variations remove.
    static let optionalPaths: [[String]] = [
        ["cod"], ["message"], ["cnt"], ["list", "*", "visibility"], ["list", "*", "pop"], ["list", "*", "rain"],
        ["list", "*", "snow"], ["list", "*", "wind", "gust"], ["list", "*", "main", "sea_level"],
        ["list", "*", "main", "grnd_level"], ["list", "*", "main", "temp_kf"], ["list", "*", "sys"],
        ["list", "*", "dt_txt"], ["city", "country"], ["city", "population"], ["city", "sunrise"],
        ["city", "sunset"],
    ]
}
