/// `GET /data/3.0/onecall`: current, 60 minutely, 48 hourly and 8 daily entries, and alerts for
/// some places; `exclude=current,minutely,hourly,daily,alerts` drops parts.
enum OneCallEndpoint {
    static func respond(_ request: StubRequest) -> StubResponse {
        switch PlaceLookup.coordinates(request) {
        case .failure(let error): return error.response
        case .success(let place): return .json(body(place: place, request: request))
        }
    }

    static func body(place: SyntheticPlace, request: StubRequest) -> String {
        let excluded = Set((request.query["exclude"] ?? "").split(separator: ",").map { $0.lowercased() })
        let now = request.now
        var w = JSONWriter()
        w.beginObject()
        writeHeader(&w, place: place, time: now)
        if !excluded.contains("current") {
            w.beginObject("current")
            writeMoment(&w, place: place, time: now, request: request, withSun: true)
            w.endObject()
        }
        if !excluded.contains("minutely") {
            w.beginArray("minutely")
            let start = (now / 60 + 1) * 60
            let rainy = WeatherSample(place: place, time: now, bucket: request.bucket).rain
            for minute in 0..<60 {
                w.beginObject()
                w.field("dt", start + minute * 60)
                w.field("precipitation", rainy > 0 ? rainy * Double(60 - minute) / 60 : 0)
                w.endObject()
            }
            w.endArray()
        }
        if !excluded.contains("hourly") {
            w.beginArray("hourly")
            let start = now / 3600 * 3600
            for hour in 0..<48 {
                w.beginObject()
                writeMoment(&w, place: place, time: start + hour * 3600, request: request, withSun: false)
                w.endObject()
            }
            w.endArray()
        }
        if !excluded.contains("daily") {
            w.beginArray("daily")
            let start = now / 86_400 * 86_400 + 43_200
            for day in 0..<8 { writeDay(&w, place: place, time: start + day * 86_400, request: request) }
            w.endArray()
        }
        if !excluded.contains("alerts") {
            var values = SeededValues("alerts", place.name, String(request.bucket))
            if values.int(in: 0...3) == 0 {
                w.beginArray("alerts")
                w.beginObject()
                w.field("sender_name", "Stub Met Service")
                w.field("event", "Yellow warning - Wind")
                w.field("start", now)
                w.field("end", now + 86_400)
                w.field("description", "Strong winds may cause some disruption to travel.")
                w.beginArray("tags")
                w.value("Wind")
                w.endArray()
                w.endObject()
                w.endArray()
            }
        }
        w.endObject()
        return w.text
    }

    /// `lat`, `lon`, `timezone`, `timezone_offset`.
    static func writeHeader(_ w: inout JSONWriter, place: SyntheticPlace, time: Int) {
        w.field("lat", place.latitude, places: 4)
        w.field("lon", place.longitude, places: 4)
        w.field("timezone", place.timezoneName)
        w.field("timezone_offset", place.timezoneOffset(at: time))
    }

    /// The fields of a `current`, `hourly` or timemachine `data` entry.
    static func writeMoment(
        _ w: inout JSONWriter, place: SyntheticPlace, time: Int, request: StubRequest, withSun: Bool
    ) {
        let sample = WeatherSample(place: place, time: time, for: request)
        w.field("dt", time)
        if withSun {
            let sun = WeatherSample.sun(place: place, time: time)
            w.field("sunrise", sun.sunrise)
            w.field("sunset", sun.sunset)
        }
        w.field("temp", sample.temp)
        w.field("feels_like", sample.feelsLike)
        w.field("pressure", sample.pressure)
        w.field("humidity", sample.humidity)
        w.field("dew_point", sample.dewPoint)
        w.field("uvi", sample.uvi)
        w.field("clouds", sample.clouds)
        w.field("visibility", sample.visibility)
        w.field("wind_speed", sample.windSpeed)
        w.field("wind_deg", sample.windDeg)
        w.field("wind_gust", sample.windGust)
        if sample.rain > 0 {
            w.beginObject("rain")
            w.field("1h", sample.rain)
            w.endObject()
        }
        sample.condition.write(to: &w, isDay: sample.isDay)
        if !withSun { w.field("pop", sample.pop) }
    }

    /// One `daily` entry: `temp` and `feels_like` are objects, `rain` a plain number.
    static func writeDay(_ w: inout JSONWriter, place: SyntheticPlace, time: Int, request: StubRequest) {
        let parts = [-6, 0, 6, 12].map { WeatherSample(place: place, time: time + $0 * 3600, for: request) }
        let (morn, day, eve, night) = (parts[0], parts[1], parts[2], parts[3])
        let sun = WeatherSample.sun(place: place, time: time)
        var values = SeededValues("moon", String(time / 86_400))
        w.beginObject()
        w.field("dt", time)
        w.field("sunrise", sun.sunrise)
        w.field("sunset", sun.sunset)
        w.field("moonrise", sun.sunrise + values.int(in: 0...40_000))
        w.field("moonset", sun.sunset + values.int(in: 0...40_000))
        w.field("moon_phase", Double(time / 86_400 % 30) / 30)
        w.field("summary", "Expect a day of \(day.condition.description)")
        w.beginObject("temp")
        w.field("day", day.temp)
        w.field("min", parts.map(\.tempMin).min() ?? day.tempMin)
        w.field("max", parts.map(\.tempMax).max() ?? day.tempMax)
        w.field("night", night.temp)
        w.field("eve", eve.temp)
        w.field("morn", morn.temp)
        w.endObject()
        w.beginObject("feels_like")
        w.field("day", day.feelsLike)
        w.field("night", night.feelsLike)
        w.field("eve", eve.feelsLike)
        w.field("morn", morn.feelsLike)
        w.endObject()
        w.field("pressure", day.pressure)
        w.field("humidity", day.humidity)
        w.field("dew_point", day.dewPoint)
        w.field("wind_speed", day.windSpeed)
        w.field("wind_deg", day.windDeg)
        w.field("wind_gust", day.windGust)
        day.condition.write(to: &w, isDay: true)
        w.field("clouds", day.clouds)
        w.field("pop", day.pop)
        if day.rain > 0 { w.field("rain", day.rain * 6) }
        w.field("uvi", WeatherSample.dailyMaxUV(place: place, time: time, clouds: day.clouds))
        w.endObject()
    }
}
