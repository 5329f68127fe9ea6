/// `GET /data/2.5/air_pollution` (now), `/forecast` (96 hours) and `/history?start&end` (hourly).
enum AirPollutionEndpoint {
    /// The most hours `/history` returns, to bound the response size.
    static let maxHistoryHours = 24 * 31

    static func current(_ request: StubRequest) -> StubResponse {
        respond(request) { [request.now / 3600 * 3600] }
    }

    static func forecast(_ request: StubRequest) -> StubResponse {
        respond(request) {
            let start = request.now / 3600 * 3600 + 3600
            return (0..<96).map { start + $0 * 3600 }
        }
    }

    static func history(_ request: StubRequest) -> StubResponse {
        guard let start = request.int("start"), let end = request.int("end"), end >= start else {
            return .badRequest("start and end are required")
        }
        return respond(request) {
            let first = (start + 3599) / 3600 * 3600
            let hours = min((end - first) / 3600 + 1, maxHistoryHours)
            return hours > 0 ? (0..<hours).map { first + $0 * 3600 } : []
        }
    }

    private static func respond(_ request: StubRequest, times: () -> [Int]) -> StubResponse {
        switch PlaceLookup.coordinates(request) {
        case .failure(let error): return error.response
        case .success(let place): return .json(body(place: place, times: times(), bucket: request.bucket))
        }
    }

    static func body(place: SyntheticPlace, times: [Int], bucket: Int) -> String {
        var w = JSONWriter()
        w.beginObject()
        place.writeCoordinates(to: &w)
        w.beginArray("list")
        for time in times {
            var v = SeededValues(
                "air", JSONWriter.format(place.latitude, places: 2), JSONWriter.format(place.longitude, places: 2),
                String(bucket), String(time / 3600))
            let pm25 = v.double(in: 1...80)
            let components: [(String, Double)] = [
                ("co", v.double(in: 150...900)),
                ("no", v.double(in: 0...20)),
                ("no2", v.double(in: 1...80)),
                ("o3", v.double(in: 10...160)),
                ("so2", v.double(in: 0.5...40)),
                ("pm2_5", pm25),
                ("pm10", pm25 * v.double(in: 1.1...2)),
                ("nh3", v.double(in: 0...10)),
            ]
            w.beginObject()
            w.beginObject("main")
            w.field("aqi", AirQualityBands.index(Dictionary(uniqueKeysWithValues: components)))
            w.endObject()
            w.beginObject("components")
            for (name, value) in components { w.field(name, value) }
            w.endObject()
            w.field("dt", time)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text
    }
}
