import Foundation

/// One Call 4.0's `current` and `1min`: one envelope, no pagination.
///
/// Envelope of every 4.0 answer but `alert/{id}`: `lat`, `lon` (the request's, rounded to 4
/// decimals), `timezone`, `timezone_offset` (now), `data`, and on the timelines `prev`/`next`.
enum OneCall4Endpoints {
    /// `GET /data/4.0/onecall/current?lat&lon`: `data` holds one record, at now.
    static func current(_ request: StubRequest) -> StubResponse {
        let query: OneCall4Query
        switch OneCall4Query.parse(request, timeline: nil) {
        case .failure(let error): return error.response
        case .success(let parsed): query = parsed
        }
        var w = JSONWriter()
        w.beginObject()
        OneCallEndpoint.writeHeader(&w, place: query.place, time: request.now)
        w.beginArray("data")
        OneCall4Records.writeCurrent(&w, place: query.place, request: request)
        w.endArray()
        w.endObject()
        return .json(w.text)
    }

    /// `GET /data/4.0/onecall/timeline/1min?lat&lon`: 60 records, one per whole minute from the
    /// next one (`start` and `cnt` are not taken here).
    static func minutely(_ request: StubRequest) -> StubResponse {
        let query: OneCall4Query
        switch OneCall4Query.parse(request, timeline: nil) {
        case .failure(let error): return error.response
        case .success(let parsed): query = parsed
        }
        let first = (OneCall4Timeline.floor(request.now, 60) + 1) * 60
        var w = JSONWriter()
        w.beginObject()
        OneCallEndpoint.writeHeader(&w, place: query.place, time: request.now)
        w.beginArray("data")
        for minute in 0..<60 {
            OneCall4Records.writeMinute(&w, place: query.place, time: first + minute * 60, request: request)
        }
        w.endArray()
        w.endObject()
        return .json(w.text)
    }

    /// `GET /data/4.0/onecall/timeline/{15min,1h,1day}?lat&lon[&start][&cnt]`: one page (``OneCall4Page``).
    static func timeline(_ timeline: OneCall4Timeline, _ request: StubRequest) -> StubResponse {
        let query: OneCall4Query
        switch OneCall4Query.parse(request, timeline: timeline) {
        case .failure(let error): return error.response
        case .success(let parsed): query = parsed
        }
        let page = OneCall4Page(
            timeline, place: query.place, now: request.now, start: query.start, count: query.count)
        if page.isBeyondHorizon, request.oneCall4Quirks.contains(.startBeyondHorizonNotFound) {
            return .oneCall4NoData
        }
        var w = JSONWriter()
        w.beginObject()
        OneCallEndpoint.writeHeader(&w, place: query.place, time: request.now)
        w.beginArray("data")
        for time in page.times {
            if timeline == .day {
                OneCall4DayRecord.write(&w, place: query.place, noon: time, request: request)
            } else {
                OneCall4Records.writeSlot(&w, place: query.place, time: time, timeline: timeline, request: request)
            }
        }
        w.endArray()
        for (name, start) in [("prev", page.previousStart), ("next", page.nextStart)] {
            if let start {
                w.field(name, OneCall4Links.url(timeline, start: start, query: query, request: request))
            } else if request.oneCall4Quirks.contains(.linksNull) {
                w.nullField(name)
            }
        }
        w.endObject()
        return .json(w.text)
    }

    /// `GET /data/4.0/onecall/alert/{alert_id}`: the bare alert object (percent-decoded id), or 404
    /// `{"cod":404,"message":"Internal error"}` for an unknown or expired id — and for the first
    /// lookup of each id with ``OneCall4Quirk/alertDetailTransient404``.
    static func alert(_ request: StubRequest) -> StubResponse {
        var encoded = request.path.dropFirst(alertPrefix.count)
        if encoded.hasSuffix("/") { encoded = encoded.dropLast() }  // routed without it, like every path
        let id = String(encoded).removingPercentEncoding ?? String(encoded)
        guard let alert = StubAlerts.alert(id: id, now: request.now) else { return .oneCall4NotFound }
        if request.oneCall4Quirks.contains(.alertDetailTransient404), request.alertLookup == 1 {
            return .oneCall4NotFound
        }
        return .json(alert.json(quirks: request.oneCall4Quirks))
    }

    /// Where alert ids start in the path.
    static let alertPrefix = "/data/4.0/onecall/alert/"
}
