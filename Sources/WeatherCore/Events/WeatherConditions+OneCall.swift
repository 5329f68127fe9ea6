public import Foundation

extension WeatherConditions {
    /// The conditions in a One Call 3.0 answer (or one assembled from 4.0 with
    /// ``OneCall/init(current:minutely:hourly:daily:alerts:)``): precipitation from `minutely`, then
    /// from `hourly` (`rain.1h` + `snow.1h`) beyond the minutes; temperatures from `hourly`; the alerts.
    ///
    /// - Parameters:
    ///   - oneCall: The answer.
    ///   - excluded: The sections the request left out (`exclude=`): they are unknown, not empty.
    ///     An absent `alerts` section otherwise means "no alerts", as OpenWeather omits it then.
    ///   - airPollution: The Air Pollution answer for the place, when fetched.
    ///   - observedAt: The instant to evaluate at; by default `current.dt`, else the first record's time.
    public init(
        _ oneCall: OneCall, excluded: OneCallSections = [], airPollution: AirPollution? = nil, observedAt: Date? = nil
    ) {
        let minutes = excluded.contains(.minutely) ? [] : oneCall.minutely
        let hours = excluded.contains(.hourly) ? [] : oneCall.hourly
        let instant =
            observedAt ?? oneCall.current?.time ?? minutes.first?.time ?? hours.first?.time
            ?? Date(timeIntervalSince1970: 0)
        self.init(observedAt: instant)
        precipitation = Self.mergedPrecipitation([
            minutes.map(Self.sample), hours.map { Self.precipitationSample($0, step: .hour) },
        ])
        temperatures = Self.mergedTemperatures([hours.map { Self.temperatureSample($0, step: .hour) }])
        alerts = excluded.contains(.alerts) ? nil : (oneCall.alerts ?? []).map(ActiveAlert.init)
        airQuality = airPollution.flatMap { AirQualitySample($0, at: instant) }
    }

    /// The minute of precipitation as a sample one minute long.
    static func sample(_ minute: MinutelyPrecipitation) -> PrecipitationSample {
        PrecipitationSample(
            start: minute.time, end: minute.time.addingTimeInterval(60),
            millimetersPerHour: minute.precipitation.millimeters)
    }

    /// Rain and snow of an hourly or 15-minute record, as a sample one `step` long: absent means none,
    /// as OpenWeather omits `rain` and `snow` when nothing falls.
    static func precipitationSample(_ record: HourlyForecast, step: TimelineStep) -> PrecipitationSample {
        let rate = (record.rain?.lastHour?.millimeters ?? 0) + (record.snow?.lastHour?.millimeters ?? 0)
        return PrecipitationSample(
            start: record.time, end: record.time.addingTimeInterval(TimeInterval(step.seconds)),
            millimetersPerHour: rate)
    }

    /// The temperature of an hourly or 15-minute record, as a sample one `step` long.
    static func temperatureSample(_ record: HourlyForecast, step: TimelineStep) -> TemperatureSample {
        TemperatureSample(
            start: record.time, end: record.time.addingTimeInterval(TimeInterval(step.seconds)),
            temperature: record.temperature)
    }
}
