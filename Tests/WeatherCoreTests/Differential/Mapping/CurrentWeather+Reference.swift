import Foundation

@testable import WeatherCore

extension CurrentWeather {
    init(reference r: ReferenceCurrentWeather) {
        self.init(
            coordinates: Coordinates(reference: r.coord),
            conditions: r.weather.map(WeatherCondition.init(reference:)),
            base: r.base,
            main: MainReadings(reference: r.main),
            visibility: r.visibility.map { Distance(meters: $0) },
            wind: Wind(reference: r.wind),
            cloudiness: r.clouds.all,
            rain: r.rain.map(PrecipitationVolume.init(reference:)),
            snow: r.snow.map(PrecipitationVolume.init(reference:)),
            time: Date(unixSeconds: r.dt),
            country: r.sys.country,
            sunrise: Date.unlessZero(r.sys.sunrise),
            sunset: Date.unlessZero(r.sys.sunset),
            systemType: r.sys.type,
            systemID: r.sys.id,
            utcOffsetSeconds: r.timezone,
            cityID: r.id,
            name: r.name,
            code: r.cod?.value
        )
    }
}

extension MainReadings {
    init(reference r: ReferenceCurrentWeather.Main) {
        self.init(
            temperature: Temperature(kelvin: r.temp),
            feelsLike: Temperature(kelvin: r.feelsLike),
            temperatureMin: Temperature(kelvin: r.tempMin),
            temperatureMax: Temperature(kelvin: r.tempMax),
            pressure: Pressure(hectopascals: r.pressure),
            humidity: r.humidity,
            seaLevelPressure: r.seaLevel.map { Pressure(hectopascals: $0) },
            groundLevelPressure: r.grndLevel.map { Pressure(hectopascals: $0) },
            temperatureCorrection: r.tempKf
        )
    }
}
