import Foundation

@testable import WeatherCore

extension Forecast {
    init(reference r: ReferenceForecast) {
        let entries = r.list.map(ForecastEntry.init(reference:))
        self.init(
            code: r.cod?.value, count: r.cnt ?? entries.count, entries: entries, city: ForecastCity(reference: r.city))
    }
}

extension ForecastEntry {
    init(reference r: ReferenceForecast.Item) {
        self.init(
            time: Date(unixSeconds: r.dt),
            main: MainReadings(reference: r.main),
            conditions: r.weather.map(WeatherCondition.init(reference:)),
            cloudiness: r.clouds.all,
            wind: Wind(reference: r.wind),
            visibility: r.visibility.map { Distance(meters: $0) },
            precipitationProbability: r.pop,
            rain: r.rain.map(PrecipitationVolume.init(reference:)),
            snow: r.snow.map(PrecipitationVolume.init(reference:)),
            partOfDay: r.sys?.pod,
            timeText: r.dtTxt
        )
    }
}

extension ForecastCity {
    init(reference r: ReferenceForecast.City) {
        self.init(
            id: r.id,
            name: r.name,
            coordinates: Coordinates(reference: r.coord),
            country: r.country,
            population: r.population,
            utcOffsetSeconds: r.timezone,
            sunrise: Date.unlessZero(r.sunrise),
            sunset: Date.unlessZero(r.sunset)
        )
    }
}
