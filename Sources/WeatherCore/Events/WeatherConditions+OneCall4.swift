public import Foundation

extension WeatherConditions {
    /// The conditions in One Call 4.0 pages: precipitation from the minute timeline, then the
    /// 15-minute one beyond it, then the hourly one; temperatures from the 15-minute timeline, then
    /// the hourly one; the alerts whose ids the pages list, from their fetched details.
    ///
    /// The alerts are known only when every id the pages name has a detail in `alerts` (matched
    /// by ``WeatherAlert/id``): a detail that could not be fetched (OpenWeather answers 404 for a
    /// while) makes them unknown, so the alert is not reported as ended and started again.
    ///
    /// The 15-minute timeline documents `rain`/`snow` but has not been seen sending them; where it
    /// sends none its records count as dry, as OpenWeather's other records do.
    ///
    /// - Parameters:
    ///   - current: The `/current` page, when fetched: its time is the default `observedAt`.
    ///   - minutes: The `/timeline/1min` page, when fetched.
    ///   - quarterHours: The `/timeline/15min` pages fetched, in any order.
    ///   - hours: The `/timeline/1h` pages fetched, in any order.
    ///   - alerts: The details of the pages' ``TimelinePage/alertIDs``; `nil` when none were fetched.
    ///   - airPollution: The Air Pollution answer for the place, when fetched.
    ///   - observedAt: The instant to evaluate at; by default the current record's time, else the
    ///     first record's time.
    public init(
        current: OneCall4Current? = nil, minutes: TimelinePage<MinutelyPrecipitation>? = nil,
        quarterHours: [TimelinePage<HourlyForecast>] = [], hours: [TimelinePage<HourlyForecast>] = [],
        alerts: [WeatherAlert]? = nil, airPollution: AirPollution? = nil, observedAt: Date? = nil
    ) {
        let minuteRecords = minutes?.records ?? []
        let quarterRecords = quarterHours.flatMap(\.records)
        let hourRecords = hours.flatMap(\.records)
        let instant =
            observedAt ?? current?.current?.time ?? minuteRecords.first?.time ?? quarterRecords.map(\.time).min()
            ?? hourRecords.map(\.time).min() ?? Date(timeIntervalSince1970: 0)
        self.init(observedAt: instant)
        precipitation = Self.mergedPrecipitation([
            minuteRecords.map(Self.sample),
            quarterRecords.map { Self.precipitationSample($0, step: .quarterHour) },
            hourRecords.map { Self.precipitationSample($0, step: .hour) },
        ])
        temperatures = Self.mergedTemperatures([
            quarterRecords.map { Self.temperatureSample($0, step: .quarterHour) },
            hourRecords.map { Self.temperatureSample($0, step: .hour) },
        ])
        var listed: [String] = []
        var seen = Set<String>()
        let named =
            (current?.alertIDs ?? []) + (minutes?.alertIDs ?? []) + quarterHours.flatMap(\.alertIDs)
            + hours.flatMap(\.alertIDs)
        for id in named where seen.insert(id).inserted { listed.append(id) }
        if let alerts {
            let fetched = Set(alerts.compactMap(\.id))
            self.alerts = listed.allSatisfy(fetched.contains) ? alerts.map(ActiveAlert.init) : nil
        } else {
            // No id on any page fetched means no alert; no page fetched means nothing is known.
            let anyPage = current != nil || minutes != nil || !quarterHours.isEmpty || !hours.isEmpty
            self.alerts = listed.isEmpty && anyPage ? [] : nil
        }
        airQuality = airPollution.flatMap { AirQualitySample($0, at: instant) }
    }
}
