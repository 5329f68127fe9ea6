import Foundation
import WeatherCore

/// Turns the lookups of a place page into its model.
struct PlacePageBuilder {
    /// The heading, e.g. `Zürich, CH`.
    var name: String
    /// The place as asked.
    var place: Place
    /// Where it is.
    var resolved: ResolvedPlace
    /// Units, language.
    var query: PageQuery
    /// The time of the request.
    var now: Date
    /// Whether the service is in demo mode.
    var isDemo: Bool

    /// The model from the lookups; only the forecast is required.
    func model(
        forecast: WeatherResult<Forecast>, current: Result<WeatherResult<CurrentWeather>, PageLookupFailure>,
        airForecast: Result<WeatherResult<AirPollution>, PageLookupFailure>,
        airNow: Result<WeatherResult<AirPollution>, PageLookupFailure>, alternatives: [PlaceLink]
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
        return PlacePageModel(
            chrome: PageChrome(
                title: "\(name) · Weather Tracker", path: "/place", place: place, query: query, isDemo: isDemo),
            name: name,
            coordinates: "\(NumberText.trimmed(resolved.coordinates.latitude, digits: 4)), "
                + "\(NumberText.trimmed(resolved.coordinates.longitude, digits: 4))",
            overviewHref: query.link("/", place: place), current: conditions, currentProblem: currentProblem,
            chart: digest.chart(title: "5-day forecast for \(name)").render(), offset: clock.offsetText,
            days: digest.days, forecastUpdated: "Forecast updated " + CurrentConditions.ago(forecast.age),
            air: air, airProblem: airProblem, alternatives: alternatives,
            hasAlternatives: !alternatives.isEmpty)
    }
}
