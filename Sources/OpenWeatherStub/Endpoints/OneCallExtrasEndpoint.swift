/// The other One Call 3.0 endpoints: `timemachine`, `day_summary` and `overview`.
enum OneCallExtrasEndpoint {
    /// `GET /data/3.0/onecall/timemachine?lat&lon&dt`: one `data` entry for the hour of `dt`.
    static func timemachine(_ request: StubRequest) -> StubResponse {
        let place: SyntheticPlace
        switch PlaceLookup.coordinates(request) {
        case .failure(let error): return error.response
        case .success(let found): place = found
        }
        guard let dt = request.int("dt") else { return .badRequest("dt is required") }
        var w = JSONWriter()
        w.beginObject()
        OneCallEndpoint.writeHeader(&w, place: place, time: dt)
        w.beginArray("data")
        w.beginObject()
        OneCallEndpoint.writeMoment(&w, place: place, time: dt, request: request, withSun: true)
        w.endObject()
        w.endArray()
        w.endObject()
        return .json(w.text)
    }

    /// `GET /data/3.0/onecall/day_summary?lat&lon&date=YYYY-MM-DD`: aggregates for one day.
    static func daySummary(_ request: StubRequest) -> StubResponse {
        let place: SyntheticPlace
        switch PlaceLookup.coordinates(request) {
        case .failure(let error): return error.response
        case .success(let found): place = found
        }
        guard let date = request.query["date"], let start = dayStart(date) else {
            return .badRequest("date is required as YYYY-MM-DD")
        }
        let samples = [6, 12, 18, 0].map {
            WeatherSample(place: place, time: start + $0 * 3600, for: request)
        }
        let (morning, afternoon, evening, night) = (samples[0], samples[1], samples[2], samples[3])
        var w = JSONWriter()
        w.beginObject()
        w.field("lat", place.latitude, places: 4)
        w.field("lon", place.longitude, places: 4)
        w.field("tz", place.timezoneSuffix(at: start))
        w.field("date", date)
        w.field("units", request.units.rawValue)
        w.beginObject("cloud_cover")
        w.field("afternoon", afternoon.clouds)
        w.endObject()
        w.beginObject("humidity")
        w.field("afternoon", afternoon.humidity)
        w.endObject()
        w.beginObject("precipitation")
        w.field("total", samples.map(\.rain).reduce(0, +) * 6)
        w.endObject()
        w.beginObject("temperature")
        w.field("min", samples.map(\.tempMin).min() ?? afternoon.tempMin)
        w.field("max", samples.map(\.tempMax).max() ?? afternoon.tempMax)
        w.field("afternoon", afternoon.temp)
        w.field("night", night.temp)
        w.field("evening", evening.temp)
        w.field("morning", morning.temp)
        w.endObject()
        w.beginObject("pressure")
        w.field("afternoon", afternoon.pressure)
        w.endObject()
        w.beginObject("wind")
        w.beginObject("max")
        let windiest = samples.max { $0.windGust < $1.windGust } ?? afternoon
        w.field("speed", windiest.windGust)
        w.field("direction", windiest.windDeg)
        w.endObject()
        w.endObject()
        w.endObject()
        return .json(w.text)
    }

    /// `GET /data/3.0/onecall/overview?lat&lon[&date]`: a sentence about today's weather.
    static func overview(_ request: StubRequest) -> StubResponse {
        let place: SyntheticPlace
        switch PlaceLookup.coordinates(request) {
        case .failure(let error): return error.response
        case .success(let found): place = found
        }
        let sample = WeatherSample(place: place, time: request.now, for: request)
        let date = String(ForecastEndpoint.dateText(request.now).prefix(10))
        var w = JSONWriter()
        w.beginObject()
        w.field("lat", place.latitude, places: 4)
        w.field("lon", place.longitude, places: 4)
        w.field("tz", place.timezoneSuffix(at: request.now))
        w.field("date", request.query["date"] ?? date)
        w.field("units", request.units.rawValue)
        // The sentence speaks °C for standard units (no one reads Kelvin), else the units asked for.
        let spoken = request.units == .standard ? StubUnits.metric : request.units
        let raw = WeatherSample(place: place, time: request.now, bucket: request.bucket)
        let temperature = JSONWriter.format(spoken.temperature(raw.temp), places: 0) + spoken.temperatureSymbol
        let wind = JSONWriter.format(spoken.speed(raw.windSpeed), places: 1) + " " + spoken.speedSymbol
        w.field(
            "weather_overview",
            "The current weather in \(place.name) shows \(sample.condition.description) with a temperature of "
                + "\(temperature), humidity at \(sample.humidity)% and wind at \(wind)."
        )
        w.endObject()
        return .json(w.text)
    }

    /// Unix time of 00:00 UTC on `YYYY-MM-DD`.
    static func dayStart(_ text: String) -> Int? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        let (y, m, d) = (parts[1] <= 2 ? parts[0] - 1 : parts[0], parts[1], parts[2])
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * 86_400
    }
}
