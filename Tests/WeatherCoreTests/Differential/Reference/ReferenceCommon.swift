// Foundation Codable reference models for the differential test: written independently of
// WeatherCore's decoder (explicit CodingKeys, no key strategy), then mapped into WeatherCore's
// model types by the files in Mapping/. A copy of the benchmark's reference models, widened to
// every field WeatherCore's models carry.

/// `coord`.
struct ReferenceCoordinates: Decodable {
    var lon: Double
    var lat: Double
}

/// One entry of `weather`.
struct ReferenceCondition: Decodable {
    var id: Int
    var main: String
    var description: String
    var icon: String
}

/// `clouds`.
struct ReferenceClouds: Decodable {
    var all: Int
}

/// The 2.5 `wind` object.
struct ReferenceWind: Decodable {
    var speed: Double
    var deg: Double
    var gust: Double?
}

/// `rain` / `snow` objects: `{"1h": …}` and/or `{"3h": …}`.
struct ReferencePrecipitationVolume: Decodable {
    var lastHour: Double?
    var lastThreeHours: Double?

    enum CodingKeys: String, CodingKey {
        case lastHour = "1h"
        case lastThreeHours = "3h"
    }
}

/// `cod`: a number in `/weather`, the string `"200"` in `/forecast`.
struct ReferenceStatusCode: Decodable {
    var value: Int

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            value = number
        } else {
            let text = try container.decode(String.self)
            guard let number = Int(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "cod \(text) is not a number")
            }
            value = number
        }
    }
}
