extension OneCall {
    /// One Call 3.0's combined answer, assembled from One Call 4.0's separate endpoints: the same
    /// model whichever version served it.
    ///
    /// The place and time zone come from `current`. Pass the records of a
    /// ``WeatherClient/timeline(for:step:from:to:language:maxPages:as:)`` walk for `hourly` (48
    /// hours: 3 pages) and `daily` (8 days: 1 page), and the details of the pages'
    /// ``TimelinePage/alertIDs`` for `alerts`.
    ///
    /// ```swift
    /// let now = try await client.oneCall4Current(for: point)
    /// let days = try await client.timeline(for: point, step: .day, from: today, to: in8Days, as: DailyForecast.self)
    /// let combined = OneCall(current: now.value, daily: days.records)
    /// ```
    public init(
        current: OneCall4Current, minutely: [MinutelyPrecipitation] = [], hourly: [HourlyForecast] = [],
        daily: [DailyForecast] = [], alerts: [WeatherAlert]? = nil
    ) {
        self.init(
            coordinates: current.coordinates, timeZoneIdentifier: current.timeZoneIdentifier,
            utcOffsetSeconds: current.utcOffsetSeconds, current: current.current, minutely: minutely, hourly: hourly,
            daily: daily, alerts: alerts.flatMap { $0.isEmpty ? nil : $0 })
    }
}
