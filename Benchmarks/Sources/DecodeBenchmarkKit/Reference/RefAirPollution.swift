/// `/data/2.5/air_pollution`, decoded by Foundation's `JSONDecoder`.
package struct RefAirPollution: Codable, Sendable, Equatable {
    /// `list[].main`: the 1–5 index.
    package struct Main: Codable, Sendable, Equatable {
        package var aqi: Int
    }

    /// `list[].components`, µg/m³.
    package struct Components: Codable, Sendable, Equatable {
        package var co: Double
        package var no: Double
        package var no2: Double
        package var o3: Double
        package var so2: Double
        package var pm2_5: Double
        package var pm10: Double
        package var nh3: Double
    }

    /// `list[]`.
    package struct Item: Codable, Sendable, Equatable {
        package var main: Main
        package var components: Components
        package var dt: Int
    }

    package var coord: RefCoordinates
    package var list: [Item]
}
