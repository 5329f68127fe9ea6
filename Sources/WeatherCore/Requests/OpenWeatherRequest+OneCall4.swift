public import Foundation

extension OpenWeatherRequest {
    /// The longest alert id accepted, in UTF-8 bytes. Live ids are CAP identifiers of about 45
    /// characters (`2.49.0.0.380.3.IT.260903120000.W:Heat:0001`) or UUIDs; anything much longer is
    /// a mistake, not an id.
    public static let maximumAlertIDLength = 256

    /// One Call 4.0 weather now, `/data/4.0/onecall/current` (one record, no paging).
    ///
    /// - Parameter coordinates: where; checked to be in range.
    /// - Parameter language: the `lang` for descriptions, e.g. `de`; `nil` for OpenWeather's English.
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates or language.
    public static func oneCall4Current(_ coordinates: Coordinates, language: String? = nil) throws(WeatherError)
        -> OpenWeatherRequest
    {
        OpenWeatherRequest(
            endpoint: .oneCall4Current, place: try Place.coordinates(coordinates).validated(),
            language: try checkedLanguage(language))
    }

    /// One page of a One Call 4.0 timeline, `/data/4.0/onecall/timeline/{1min,15min,1h,1day}`.
    ///
    /// `start` is rounded down to the step grid (``TimelineStep/alignedDown(_:)``: whole minutes,
    /// quarter hours, hours, UTC days), so callers asking a few seconds apart share one page and
    /// one cache entry; the page's records begin at that instant.
    ///
    /// - Parameters:
    ///   - coordinates: where; checked to be in range.
    ///   - step: which timeline.
    ///   - start: the first record's time; `nil` lets OpenWeather start at the current step. It must
    ///     fall inside ``TimelineStep/span(now:)``: the next hour (minutes), the next 48 hours
    ///     (quarter hours), 1979-01-01 to 48 hours ahead (hours), 1979-01-01 to 548 days ahead (days).
    ///   - count: `cnt`, how many records, 1 to ``TimelineStep/recordsPerPage``; `nil` for a full page.
    ///   - language: the `lang` for descriptions, e.g. `de`; `nil` for OpenWeather's English.
    ///   - now: the current time, which the span is measured from.
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates, a
    ///   start outside the span, a count out of range or an invalid language.
    public static func timeline(
        _ coordinates: Coordinates, step: TimelineStep, start: Date? = nil, count: Int? = nil,
        language: String? = nil, now: Date
    ) throws(WeatherError) -> OpenWeatherRequest {
        var parameters: [QueryItem] = []
        if let start {
            let aligned = try checkedStart(start, step: step, now: now)
            parameters.append(QueryItem(name: "start", value: String(Int64(aligned.timeIntervalSince1970))))
        }
        if let count {
            guard (1...step.recordsPerPage).contains(count) else {
                throw .invalidRequest(
                    "cnt \(count) is out of range: a \(step) timeline page holds 1 to \(step.recordsPerPage) records.")
            }
            parameters.append(QueryItem(name: "cnt", value: String(count)))
        }
        return OpenWeatherRequest(
            endpoint: step.endpoint, place: try Place.coordinates(coordinates).validated(),
            language: try checkedLanguage(language), parameters: parameters)
    }

    /// One Call 4.0 alert detail, `/data/4.0/onecall/alert/{alert_id}`, for an id taken from a
    /// record's `alerts` (``TimelinePage/alertIDs``).
    ///
    /// The id is percent-encoded as one path segment (`:` becomes `%3A`, `/` becomes `%2F`), so
    /// no id can reach another path. The request carries no place, units or language, and its
    /// cache key is the id.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for an empty id, one longer
    ///   than ``maximumAlertIDLength`` bytes, one with control characters, or `.`/`..`.
    public static func oneCallAlert(id: String) throws(WeatherError) -> OpenWeatherRequest {
        let trimmed = id.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw .invalidRequest(
                "The alert id is empty: pass an id from a record's alerts, e.g. 8B46C632-DCA7-44D7-8BDF-02445621BAFF.")
        }
        guard trimmed.utf8.count <= maximumAlertIDLength else {
            throw .invalidRequest(
                "The alert id is longer than \(maximumAlertIDLength) bytes: pass an id exactly as a record's alerts list it.")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidRequest("The alert id contains control characters: remove them.")
        }
        guard trimmed != ".", trimmed != ".." else {
            throw .invalidRequest("\"\(trimmed)\" is not an alert id: pass an id from a record's alerts.")
        }
        return OpenWeatherRequest(endpoint: .oneCall4Alert, encodedPathSegment: PercentEncoding.encode(trimmed))
    }

    /// `start` aligned down to `step`'s grid, or an error if it falls outside the step's span at `now`.
    static func checkedStart(_ start: Date, step: TimelineStep, now: Date) throws(WeatherError) -> Date {
        let seconds = start.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 253_402_300_800 else {
            throw .invalidRequest("The start time is not a valid date: pass a time within the \(step) timeline's span.")
        }
        let aligned = step.alignedDown(start)
        let span = step.span(now: now)
        guard span.contains(aligned) else {
            let what: String
            switch step {
            case .minute: what = "the next 60 minutes"
            case .quarterHour: what = "the next 48 hours"
            case .hour: what = "1979-01-01 to 48 hours ahead"
            case .day: what = "1979-01-01 to \(TimelineStep.dailyHorizonDays) days ahead"
            }
            throw .invalidRequest(
                "Start \(Self.iso(start)) is outside the \(step) timeline, which covers \(what) "
                    + "(\(Self.iso(span.lowerBound)) to \(Self.iso(span.upperBound))): ask for a start inside it.")
        }
        return aligned
    }

    /// `date` as `yyyy-MM-ddTHH:mm:ssZ`, for messages.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
