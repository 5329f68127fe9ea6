// Foundation Codable reference models: the baseline WeatherCore is measured against.
// They cover the same fields as WeatherCore's models, with explicit CodingKeys and no key
// strategy (a key strategy would only make JSONDecoder slower).

/// `coord` in current weather, forecast `city` and air pollution.
package struct RefCoordinates: Codable, Sendable, Equatable {
    package var lon: Double
    package var lat: Double
}

/// One entry of a `weather` array.
package struct RefCondition: Codable, Sendable, Equatable {
    package var id: Int
    package var main: String
    package var description: String
    package var icon: String
}

/// `clouds` in current weather and forecast.
package struct RefClouds: Codable, Sendable, Equatable {
    package var all: Int
}

/// `wind` in current weather and forecast.
package struct RefWind: Codable, Sendable, Equatable {
    package var speed: Double
    package var deg: Int
    package var gust: Double?
}

/// `rain` / `snow` objects: `{"1h": …}` in current weather and One Call, `{"3h": …}` in forecast.
package struct RefPrecipitationVolume: Codable, Sendable, Equatable {
    package var lastHour: Double?
    package var lastThreeHours: Double?

    enum CodingKeys: String, CodingKey {
        case lastHour = "1h"
        case lastThreeHours = "3h"
    }
}
