/// `GET /data/2.5/forecast`: 5 days in 3-hour steps (`cnt` items, 40 by default), `cod` as the string "200",
/// in the request's `units` and `lang`.
enum ForecastEndpoint {
    static func respond(_ request: StubRequest) -> StubResponse {
        PlaceLookup.respond(request) { body(place: $0, request: request) }
    }

    static func body(place: SyntheticPlace, request: StubRequest) -> String {
        let count = min(max(request.int("cnt") ?? 40, 1), 40)
        let start = (request.now / 10_800 + 1) * 10_800
        var w = JSONWriter()
        w.beginObject()
        w.field("cod", "200")
        w.field("message", 0)
        w.field("cnt", count)
        w.beginArray("list")
        for index in 0..<count {
            let dt = start + index * 10_800
            let sample = WeatherSample(place: place, time: dt, for: request)
            w.beginObject()
            w.field("dt", dt)
            w.beginObject("main")
            w.field("temp", sample.temp)
            w.field("feels_like", sample.feelsLike)
            w.field("temp_min", sample.tempMin)
            w.field("temp_max", sample.tempMax)
            w.field("pressure", sample.pressure)
            w.field("sea_level", sample.pressure)
            w.field("grnd_level", sample.pressure - 2)
            w.field("humidity", sample.humidity)
            w.field("temp_kf", sample.tempMax - sample.tempMin)
            w.endObject()
            sample.condition.write(to: &w, isDay: sample.isDay)
            w.beginObject("clouds")
            w.field("all", sample.clouds)
            w.endObject()
            w.beginObject("wind")
            w.field("speed", sample.windSpeed)
            w.field("deg", sample.windDeg)
            w.field("gust", sample.windGust)
            w.endObject()
            w.field("visibility", sample.visibility)
            w.field("pop", sample.pop)
            if sample.rain > 0 {
                w.beginObject("rain")
                w.field("3h", sample.rain * 3)
                w.endObject()
            }
            w.beginObject("sys")
            w.field("pod", sample.isDay ? "d" : "n")
            w.endObject()
            w.field("dt_txt", Self.dateText(dt))
            w.endObject()
        }
        w.endArray()
        let sun = WeatherSample.sun(place: place, time: request.now)
        w.beginObject("city")
        w.field("id", place.id)
        w.field("name", place.name)
        place.writeCoordinates(to: &w, latitudeFirst: true)
        w.field("country", place.country)
        w.field("population", place.id % 900_000 + 1000)
        w.field("timezone", place.timezoneOffset(at: request.now))
        w.field("sunrise", sun.sunrise)
        w.field("sunset", sun.sunset)
        w.endObject()
        w.endObject()
        return w.text
    }

    /// `2026-04-01 00:00:00` in UTC.
    static func dateText(_ time: Int) -> String {
        let days = time / 86_400
        let seconds = time % 86_400
        let (year, month, day) = civil(days: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return
            "\(year)-\(two(month))-\(two(day)) \(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))"
    }

    /// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
    ///
    /// WeatherCore's `CivilDate` does the same; the stub keeps its own on purpose: it depends on no
    /// weather code (it is the independent OpenWeather that the client is tested against), so a
    /// calendar bug in one cannot be agreed with by the other.
    static func civil(days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
