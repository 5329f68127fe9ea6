public import Foundation

/// One Call 4.0: one method per endpoint, each through the cached ``fetch(_:as:)`` path (every
/// page and alert detail is one call of One Call's daily budget and one of the per-minute budget).
extension WeatherClient {
    /// One Call 4.0 weather now (`/data/4.0/onecall/current`).
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/invalidRequest`` for bad coordinates or
    ///   language, or any lookup failure.
    public func oneCall4Current(for coordinates: Coordinates, language: String? = nil) async throws
        -> WeatherResult<OneCall4Current>
    {
        try await fetch(try OpenWeatherRequest.oneCall4Current(coordinates, language: language), as: OneCall4Current.self)
    }

    /// One page of a One Call 4.0 timeline (`/data/4.0/onecall/timeline/{step}`), starting at
    /// `start` rounded down to the step grid (at the current step when `nil`).
    ///
    /// The record type follows the step: ``MinutelyPrecipitation`` for ``TimelineStep/minute``,
    /// ``HourlyForecast`` for ``TimelineStep/quarterHour`` and ``TimelineStep/hour``,
    /// ``DailyForecast`` for ``TimelineStep/day``. Links to another timeline than `step`'s are
    /// dropped from the page.
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/invalidRequest`` for a record type that does
    ///   not match `step`, a start outside the step's span, a count out of range, or any lookup failure.
    public func timelinePage<Record: TimelineRecord>(
        for coordinates: Coordinates, step: TimelineStep, start: Date? = nil, count: Int? = nil,
        language: String? = nil, as type: Record.Type = Record.self
    ) async throws -> WeatherResult<TimelinePage<Record>> {
        try Self.checkRecordType(Record.self, step: step)
        let request = try OpenWeatherRequest.timeline(
            coordinates, step: step, start: start, count: count, language: language, now: clock.now)
        return try await fetch(request, as: TimelinePage<Record>.self).map { page in
            var page = page
            if page.next?.step != step { page.next = nil }
            if page.previous?.step != step { page.previous = nil }
            return page
        }
    }

    /// The detail of One Call 4.0 alert `id` (`/data/4.0/onecall/alert/{id}`), an id from
    /// ``TimelinePage/alertIDs``. Cached until the alert ends (at most a day).
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/invalidRequest`` for an empty or over-long
    ///   id, ``WeatherError/Code/notFound`` when OpenWeather does not know it (yet), or any lookup failure.
    public func alert(id: String) async throws -> WeatherResult<WeatherAlert> {
        try await fetch(try OpenWeatherRequest.oneCallAlert(id: id), as: WeatherAlert.self)
    }

    /// The error for a record type that `step`'s timeline does not send.
    static func checkRecordType<Record: TimelineRecord>(_ type: Record.Type, step: TimelineStep) throws(WeatherError) {
        guard Record.timelineSteps.contains(step) else {
            let expected =
                switch step {
                case .minute: "MinutelyPrecipitation"
                case .quarterHour, .hour: "HourlyForecast"
                case .day: "DailyForecast"
                }
            throw .invalidRequest("The \(step) timeline sends \(expected) records, not \(Record.self): ask for \(expected).")
        }
    }
}
