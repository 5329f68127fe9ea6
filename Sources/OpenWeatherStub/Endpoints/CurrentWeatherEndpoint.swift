/// `GET /data/2.5/weather`: the shape of OpenWeather's current weather, `cod` as an int, in the
/// request's `units` and `lang`.
enum CurrentWeatherEndpoint {
    static func respond(_ request: StubRequest) -> StubResponse {
        PlaceLookup.respond(request) { body(place: $0, request: request) }
    }

    static func body(place: SyntheticPlace, request: StubRequest) -> String {
        let dt = request.bucket * 600 + 17
        let sample = WeatherSample(place: place, time: request.now, for: request)
        let sun = WeatherSample.sun(place: place, time: request.now)
        var w = JSONWriter()
        w.beginObject()
        place.writeCoordinates(to: &w)
        sample.condition.write(to: &w, isDay: sample.isDay)
        w.field("base", "stations")
        w.beginObject("main")
        w.field("temp", sample.temp)
        w.field("feels_like", sample.feelsLike)
        w.field("temp_min", sample.tempMin)
        w.field("temp_max", sample.tempMax)
        w.field("pressure", sample.pressure)
        w.field("humidity", sample.humidity)
        w.field("sea_level", sample.pressure)
        w.field("grnd_level", sample.pressure - 2)
        w.endObject()
        w.field("visibility", sample.visibility)
        w.beginObject("wind")
        w.field("speed", sample.windSpeed)
        w.field("deg", sample.windDeg)
        w.field("gust", sample.windGust)
        w.endObject()
        if sample.rain > 0 {
            w.beginObject("rain")
            w.field("1h", sample.rain)
            w.endObject()
        }
        w.beginObject("clouds")
        w.field("all", sample.clouds)
        w.endObject()
        w.field("dt", min(dt, request.now))
        w.beginObject("sys")
        w.field("type", 2)
        w.field("id", place.id % 1_000_000)
        w.field("country", place.country)
        w.field("sunrise", sun.sunrise)
        w.field("sunset", sun.sunset)
        w.endObject()
        w.field("timezone", place.timezoneOffset(at: request.now))
        w.field("id", place.id)
        w.field("name", place.name)
        w.field("cod", 200)
        w.endObject()
        return w.text
    }
}
