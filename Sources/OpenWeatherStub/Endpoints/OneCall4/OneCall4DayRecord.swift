/// One record of One Call 4.0's `1day` timeline, at 12:00 local time: `temp` and `feels_like` are
/// objects of the morning (06:00), day (12:00), evening (18:00) and night (24:00) samples; `rain`
/// is the day's total (a number, or `{"1h": …}` with ``OneCall4Quirk/dailyPrecipitationObject``).
/// No `summary`, which 4.0 does not document. One Call 3.0's `daily` entries are the same records
/// (`oneCall3: true`): with 3.0's `summary`, without 4.0's quirks and alert ids.
enum OneCall4DayRecord {
    static func write(
        _ w: inout JSONWriter, place: SyntheticPlace, noon: Int, request: StubRequest, oneCall3: Bool = false
    ) {
        let quirks = oneCall3 ? [] : request.oneCall4Quirks
        let parts = [-6, 0, 6, 12].map { WeatherSample(place: place, recordTime: noon + $0 * 3600, for: request) }
        let (morn, day, eve, night) = (parts[0], parts[1], parts[2], parts[3])
        let sun = WeatherSample.sun(place: place, time: noon)
        let solarNoon = WeatherSample.daylight(place: place, time: noon).solarNoon
        var moon = SeededValues("moon", String(noon / 86_400))
        w.beginObject()
        w.field("dt", noon)
        if sun.sunrise != 0 {  // omitted in polar day and polar night
            w.field("sunrise", sun.sunrise)
            w.field("sunset", sun.sunset)
        }
        let moonrise = solarNoon - 21_600 + moon.int(in: 0...40_000)
        w.field("moonrise", moonrise)
        w.field("moonset", moonrise + 40_000 + moon.int(in: 0...8000))
        w.field("moon_phase", Double(noon / 86_400 % 30) / 30)
        if oneCall3 { w.field("summary", "Expect a day of \(day.condition.description)") }
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
        if !quirks.contains(.dailyWindGustAbsent) { w.field("wind_gust", day.windGust) }
        if quirks.contains(.dailyWeatherNull) {
            w.nullField("weather")
        } else {
            day.condition.write(to: &w, isDay: true)
        }
        w.field("clouds", day.clouds)
        w.field("pop", day.pop)
        if day.rain > 0 {
            if quirks.contains(.dailyPrecipitationObject) {
                w.beginObject("rain")
                w.field("1h", day.rain * 6)
                w.endObject()
            } else {
                w.field("rain", day.rain * 6)
            }
        }
        w.field("uvi", WeatherSample.dailyMaxUV(place: place, time: noon, clouds: day.clouds))
        if !oneCall3 {
            OneCall4Records.writeAlerts(&w, place: place, from: noon - 43_200, to: noon + 43_200, now: request.now)
        }
        w.endObject()
    }
}
