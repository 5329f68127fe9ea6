package import WeatherServerCore
package import Foundation
package import WeatherCore

/// Turns the lookups of a place page into its model.
package struct PlacePageBuilder {
    /// The heading, e.g. `Zürich, CH`.
    package var name: String
    /// The place as asked.
    package var place: Place
    /// Where it is.
    package var resolved: ResolvedPlace
    /// Units, language.
    package var query: PageQuery
    /// The time of the request.
    package var now: Date
    /// Whether the service is in demo mode.
    package var isDemo: Bool

    /// Creates the value from each of its parts.
    package init(name: String, place: Place, resolved: ResolvedPlace, query: PageQuery, now: Date, isDemo: Bool) {
        self.name = name
        self.place = place
        self.resolved = resolved
        self.query = query
        self.now = now
        self.isDemo = isDemo
    }

    /// The model from the lookups; only the forecast is required.
    package func model(
        forecast: WeatherResult<Forecast>, current: Result<WeatherResult<CurrentWeather>, PageLookupFailure>,
        airForecast: Result<WeatherResult<AirPollution>, PageLookupFailure>,
        airNow: Result<WeatherResult<AirPollution>, PageLookupFailure>, alternatives: [PlaceLink],
        oneCall: PlaceOneCallLookups = PlaceOneCallLookups()
    ) -> PlacePageModel {
        let digest = ForecastDigest(forecast: forecast.value, units: query.units)
        let clock = digest.clock
        let airReading = (try? airNow.get())?.value.readings.first
        var conditions: CurrentConditions?
        var currentProblem: String?
        switch current {
        case .success(let result):
            conditions = CurrentConditions(result.value, air: airReading, units: query.units, now: now, age: result.age)
        case .failure(let failure):
            currentProblem = failure.text
        }
        var air: AirQualitySection?
        var airProblem: String?
        switch airForecast {
        case .success(let result) where !result.value.readings.isEmpty:
            let strip = AirQualityStrip(
                readings: result.value.readings.map { .init(time: $0.time, index: $0.airQualityIndex) }, clock: clock,
                title: "Air quality forecast for \(name), by hour")
            air = AirQualitySection(strip: strip.render(), legend: AirBadge.all)
        case .success:
            airProblem = "No air quality forecast for this place."
        case .failure(let failure):
            airProblem = failure.text
        }
        let alerts = (try? oneCall.alerts?.get())?.value.alerts.map { alertBanner($0, clock: clock) } ?? []
        var alertsProblem: String?
        if case .failure(let failure) = oneCall.alerts { alertsProblem = "Weather alerts unavailable. " + failure.text }
        let (minutes, minutesProblem) = Self.section(
            oneCall.minutes, empty: "No minute-by-minute forecast for this place.") {
                minuteSection($0, clock: clock)
            }
        let (quarterHours, quarterHoursProblem) = Self.section(
            oneCall.quarterHours, empty: "No 15-minute forecast for this place.") {
                quarterHourSection($0, clock: clock)
            }
        return PlacePageModel(
            chrome: PageChrome(
                title: "\(name) · Weather Tracker", path: "/place", place: place, query: query, isDemo: isDemo),
            name: name,
            coordinates: "\(NumberText.trimmed(resolved.coordinates.latitude, digits: 4)), "
                + "\(NumberText.trimmed(resolved.coordinates.longitude, digits: 4))",
            overviewHref: query.link("/", place: place), alerts: alerts, hasAlerts: !alerts.isEmpty,
            alertsProblem: alertsProblem, minutes: minutes, minutesProblem: minutesProblem,
            quarterHours: quarterHours, quarterHoursProblem: quarterHoursProblem, current: conditions,
            currentProblem: currentProblem,
            chart: digest.chart(title: "5-day forecast for \(name)").render(), offset: clock.offsetText,
            days: digest.days, forecastUpdated: "Forecast updated " + CurrentConditions.ago(forecast.age),
            air: air, airProblem: airProblem, alternatives: alternatives,
            hasAlternatives: !alternatives.isEmpty)
    }

    /// An alert for the banner, its times in the place's local time.
    package func alertBanner(_ alert: WeatherAlert, clock: PlaceClock) -> AlertBanner {
        let event = alert.event.isEmpty ? (alert.tags.first ?? "Weather alert") : alert.event
        let sameDay = clock.dayNumber(of: alert.start) == clock.dayNumber(of: alert.end)
        let end = sameDay ? clock.time(of: alert.end) : clock.weekdayAndTime(of: alert.end)
        let chosen =
            alert.descriptions.flatMap { texts -> LocalizedText? in
                if let language = query.language, let match = texts.first(where: { $0.isLanguage(language) }) {
                    return match
                }
                return texts.first { $0.isLanguage("en") } ?? texts.first
            }
        let language = chosen?.language.trimmingWhitespace().replacingOccurrences(of: "_", with: "-")
        return AlertBanner(
            event: event, sender: alert.senderName,
            period: "\(clock.weekdayAndTime(of: alert.start)) – \(end) (\(clock.offsetText))",
            startISO: clock.iso8601(alert.start), endISO: clock.iso8601(alert.end),
            description: (chosen?.text ?? alert.description).trimmingWhitespace(),
            descriptionLanguage: language?.isEmpty == false ? language : nil)
    }

    /// The minute chart, or the sentence that the hour is dry.
    package func minuteSection(_ records: [MinutelyPrecipitation], clock: PlaceClock) -> MinuteSection {
        let unit = query.units.readerPrecipitation
        let chart = MinuteRainChart(
            minutes: records.map { .init(time: $0.time, intensity: $0.precipitation.value(in: unit)) }, clock: clock,
            unit: unit, title: "Precipitation in the next hour at \(name), by minute")
        let first = records[0].time
        let last = records[records.count - 1].time.addingTimeInterval(60)
        let caption = "From \(clock.time(of: first)) to \(clock.time(of: last)), local time (\(clock.offsetText))."
        if chart.isDry {
            return MinuteSection(chart: nil, dry: "No precipitation expected in the next hour.", caption: caption)
        }
        return MinuteSection(chart: chart.render(), dry: nil, caption: caption)
    }

    /// The 15-minute chart: the forecast chart's panels at quarter-hour steps.
    package func quarterHourSection(_ records: [HourlyForecast], clock: PlaceClock) -> QuarterHourSection {
        let units = query.units
        let unit = units.readerPrecipitation
        let steps = records.map { record in
            ForecastChartStep(
                time: record.time, temperature: record.temperature.value(in: units),
                precipitationProbability: record.precipitationProbability ?? 0,
                precipitation: (record.rain?.lastHour?.value(in: unit) ?? 0) / 4
                    + (record.snow?.lastHour?.value(in: unit) ?? 0) / 4,
                windSpeed: record.wind.speed.value(in: units), windFromDegrees: record.wind.direction.degrees)
        }
        let chart = ForecastChart(
            steps: steps, clock: clock, temperatureSymbol: units.temperature.symbol, speedSymbol: units.speed.symbol,
            title: "Next 48 hours at 15-minute steps for \(name)", precipitationUnit: unit, idPrefix: "quarter-chart",
            cssClass: "quarter-chart", stepSeconds: 900)
        return QuarterHourSection(
            chart: chart.render(),
            caption: "\(records.count) steps of 15 minutes from \(clock.weekdayAndTime(of: records[0].time)), "
                + "in local time (\(clock.offsetText)).")
    }

    /// A section from its records, the sentence saying why it is empty or failed, or neither (the
    /// section was not asked for).
    private static func section<Record, Section>(
        _ outcome: Result<[Record], PageLookupFailure>?, empty: String, _ make: ([Record]) -> Section
    ) -> (Section?, String?) {
        switch outcome {
        case .success(let records) where !records.isEmpty: (make(records), nil)
        case .success: (nil, empty)
        case .failure(let failure): (nil, failure.text)
        case nil: (nil, nil)
        }
    }
}

/// The One Call lookups of a place page: each `nil` when not made (the 15-minute timeline on a
/// One Call 3.0 key), else its answer or why it failed.
package struct PlaceOneCallLookups: Sendable {
    package var alerts: Result<WeatherResult<OneCallAlerts>, PageLookupFailure>?
    package var minutes: Result<[MinutelyPrecipitation], PageLookupFailure>?
    package var quarterHours: Result<[HourlyForecast], PageLookupFailure>?

    /// Creates the value from each of its parts.
    package init(
        alerts: Result<WeatherResult<OneCallAlerts>, PageLookupFailure>? = nil,
        minutes: Result<[MinutelyPrecipitation], PageLookupFailure>? = nil,
        quarterHours: Result<[HourlyForecast], PageLookupFailure>? = nil
    ) {
        self.alerts = alerts
        self.minutes = minutes
        self.quarterHours = quarterHours
    }

}
