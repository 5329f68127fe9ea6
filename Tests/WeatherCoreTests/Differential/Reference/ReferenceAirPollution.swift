/// `/data/2.5/air_pollution`, decoded by Foundation's `JSONDecoder`.
struct ReferenceAirPollution: Decodable {
    struct Item: Decodable {
        struct Main: Decodable {
            var aqi: Int
        }

        struct Components: Decodable {
            var co: Double
            var no: Double
            var no2: Double
            var o3: Double
            var so2: Double
            var pm2_5: Double
            var pm10: Double
            var nh3: Double
        }

        var main: Main
        var components: Components
        var dt: Int
    }

    var coord: ReferenceCoordinates
    var list: [Item]
}
