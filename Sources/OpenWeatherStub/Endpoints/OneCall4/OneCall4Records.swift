/// The records of One Call 4.0's `data` arrays, from the same synthetic model as every other
/// endpoint (``WeatherSample``).
///
/// Each record's sample belongs to the time bucket of the record's own time, not of the request's
/// "now": the same place and time give the same record on every page, across overlapping pages,
/// and for history whatever the time of asking; `current` (at now) is therefore the very sample
/// `/data/2.5/weather` and One Call 3.0's `current` serve.
enum OneCall4Records {
    /// `data[0]` of `current`.
    static func writeCurrent(_ w: inout JSONWriter, place: SyntheticPlace, request: StubRequest) {
        let time = request.now
        let sample = WeatherSample(place: place, recordTime: time, for: request)
        w.beginObject()
        w.field("dt", time)
        let sun = WeatherSample.sun(place: place, time: time)
        if sun.sunrise != 0 {  // omitted in polar day and polar night
            w.field("sunrise", sun.sunrise)
            w.field("sunset", sun.sunset)
        }
        writeConditions(&w, sample: sample, pop: false, rain: true)
        writeAlerts(&w, place: place, from: time, to: time + 1, now: time)
        w.endObject()
    }

    /// One record of `1min` (and of 3.0's `minutely`, `withAlerts: false`): the precipitation rate
    /// of the sample of that minute.
    static func writeMinute(
        _ w: inout JSONWriter, place: SyntheticPlace, time: Int, request: StubRequest, withAlerts: Bool = true
    ) {
        let sample = WeatherSample(place: place, time: time, bucket: time / request.bucketSeconds)
        w.beginObject()
        w.field("dt", time)
        w.field("precipitation", sample.rain)
        if withAlerts { writeAlerts(&w, place: place, from: time, to: time + 60, now: request.now) }
        w.endObject()
    }

    /// One record of `15min` or `1h` (`rain` on `15min` only with ``OneCall4Quirk/quarterHourRain``);
    /// 3.0's `hourly` entries are the `1h` records without alert ids (`withAlerts: false`).
    static func writeSlot(
        _ w: inout JSONWriter, place: SyntheticPlace, time: Int, timeline: OneCall4Timeline, request: StubRequest,
        withAlerts: Bool = true
    ) {
        let sample = WeatherSample(place: place, recordTime: time, for: request)
        let rain = timeline == .hour || request.oneCall4Quirks.contains(.quarterHourRain)
        w.beginObject()
        w.field("dt", time)
        writeConditions(&w, sample: sample, pop: true, rain: rain)
        if withAlerts { writeAlerts(&w, place: place, from: time, to: time + timeline.step, now: request.now) }
        w.endObject()
    }

    /// The fields `current`, `15min` and `1h` share, in the documented order (3.0's `current` and
    /// timemachine entries too).
    static func writeConditions(_ w: inout JSONWriter, sample: WeatherSample, pop: Bool, rain: Bool) {
        w.field("temp", sample.temp)
        w.field("feels_like", sample.feelsLike)
        w.field("pressure", sample.pressure)
        w.field("humidity", sample.humidity)
        w.field("dew_point", sample.dewPoint)
        w.field("uvi", sample.uvi)
        w.field("clouds", sample.clouds)
        w.field("visibility", sample.visibility)
        w.field("wind_speed", sample.windSpeed)
        w.field("wind_gust", sample.windGust)
        w.field("wind_deg", sample.windDeg)
        if pop { w.field("pop", sample.pop) }
        if rain, sample.rain > 0 {
            w.beginObject("rain")
            w.field("1h", sample.rain)
            w.endObject()
        }
        sample.condition.write(to: &w, isDay: sample.isDay)
    }

    /// `"alerts":[ids]` for the alerts overlapping `[from, to)`; nothing when there are none (not `[]`).
    static func writeAlerts(_ w: inout JSONWriter, place: SyntheticPlace, from: Int, to: Int, now: Int) {
        let alerts = StubAlerts.alerts(place: place, from: from, to: to, now: now)
        guard !alerts.isEmpty else { return }
        w.beginArray("alerts")
        for alert in alerts { w.value(alert.id) }
        w.endArray()
    }
}

extension WeatherSample {
    /// The sample for `request`'s place at `recordTime`, in the time bucket of `recordTime` itself,
    /// in the units and language the request asks for.
    init(place: SyntheticPlace, recordTime: Int, for request: StubRequest) {
        self = WeatherSample(place: place, time: recordTime, bucket: recordTime / request.bucketSeconds)
            .expressed(in: request.units, language: request.language)
    }
}
