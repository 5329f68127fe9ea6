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
        // The sections are One Call 4.0's records for the same place and times (without 4.0's alert
        // ids), so an answer assembled from 4.0 says what this one says.
        if !excluded.contains("minutely") {
            w.beginArray("minutely")
            let start = (OneCall4Timeline.floor(now, 60) + 1) * 60
            for minute in 0..<60 {
                OneCall4Records.writeMinute(&w, place: place, time: start + minute * 60, request: request, withAlerts: false)
            }
            w.endArray()
        }
        if !excluded.contains("hourly") {
            w.beginArray("hourly")
            let start = OneCall4Timeline.hour.align(now, place: place)
            for hour in 0..<48 {
                OneCall4Records.writeSlot(
                    &w, place: place, time: start + hour * 3600, timeline: .hour, request: request, withAlerts: false)
            }
            w.endArray()
        }
        let today = OneCall4Timeline.localDay(now, place: place)
        if !excluded.contains("daily") {
            w.beginArray("daily")
            for day in 0..<8 {
                let noon = OneCall4Timeline.localNoon(day: today + day, place: place)
                OneCall4DayRecord.write(&w, place: place, noon: noon, request: request, oneCall3: true)
            }
            w.endArray()
        }
        if !excluded.contains("alerts") {
            // The alerts issued by now that apply from now to the end of the last daily entry.
            let end = OneCall4Timeline.localNoon(day: today + 7, place: place) + 43_200
            let alerts = StubAlerts.alerts(place: place, from: now, to: end, now: now)
            if !alerts.isEmpty {
                w.beginArray("alerts")
                for alert in alerts { alert.writeOneCall3(to: &w) }
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

    /// The fields of a `current` or timemachine `data` entry: 4.0's record fields, with the sun.
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
        OneCall4Records.writeConditions(&w, sample: sample, pop: !withSun, rain: true)
    }
}
