import Foundation

@testable import WeatherCore

extension OneCall {
    init(reference r: ReferenceOneCall) {
        self.init(
            coordinates: Coordinates(uncheckedLatitude: r.lat, longitude: r.lon),
            timeZoneIdentifier: r.timezone,
            utcOffsetSeconds: r.timezoneOffset,
            current: r.current.map(WeatherSnapshot.init(reference:)),
            minutely: (r.minutely ?? []).map {
                MinutelyPrecipitation(
                    time: Date(unixSeconds: $0.dt), precipitation: Precipitation(millimeters: $0.precipitation))
            },
            hourly: (r.hourly ?? []).map(HourlyForecast.init(reference:)),
            daily: (r.daily ?? []).map(DailyForecast.init(reference:)),
            alerts: r.alerts?.map {
                WeatherAlert(
                    senderName: $0.senderName, event: $0.event, start: Date(unixSeconds: $0.start),
                    end: Date(unixSeconds: $0.end), description: $0.description, tags: $0.tags ?? [])
            }
        )
    }
}

extension Wind {
    /// One Call's flat `wind_speed` / `wind_deg` / `wind_gust`.
    init(speed: Double, degrees: Double, gust: Double?) {
        self.init(
            speed: Speed(metersPerSecond: speed), direction: Direction(degrees: degrees),
            gust: gust.map { Speed(metersPerSecond: $0) })
    }
}

extension WeatherSnapshot {
    init(reference r: ReferenceOneCall.Snapshot) {
        self.init(
            time: Date(unixSeconds: r.dt),
            sunrise: Date.unlessZero(r.sunrise),
            sunset: Date.unlessZero(r.sunset),
            temperature: Temperature(kelvin: r.temp),
            feelsLike: Temperature(kelvin: r.feelsLike),
            pressure: Pressure(hectopascals: r.pressure),
            humidity: r.humidity,
            dewPoint: r.dewPoint.map { Temperature(kelvin: $0) },
            uvIndex: r.uvi,
            cloudiness: r.clouds,
            visibility: r.visibility.map { Distance(meters: $0) },
            wind: Wind(speed: r.windSpeed, degrees: r.windDeg, gust: r.windGust),
            rain: r.rain.map(PrecipitationVolume.init(reference:)),
            snow: r.snow.map(PrecipitationVolume.init(reference:)),
            conditions: r.weather.map(WeatherCondition.init(reference:))
        )
    }
}

extension HourlyForecast {
    init(reference r: ReferenceOneCall.Snapshot) {
        self.init(
            time: Date(unixSeconds: r.dt),
            temperature: Temperature(kelvin: r.temp),
            feelsLike: Temperature(kelvin: r.feelsLike),
            pressure: Pressure(hectopascals: r.pressure),
            humidity: r.humidity,
            dewPoint: r.dewPoint.map { Temperature(kelvin: $0) },
            uvIndex: r.uvi,
            cloudiness: r.clouds,
            visibility: r.visibility.map { Distance(meters: $0) },
            wind: Wind(speed: r.windSpeed, degrees: r.windDeg, gust: r.windGust),
            precipitationProbability: r.pop,
            rain: r.rain.map(PrecipitationVolume.init(reference:)),
            snow: r.snow.map(PrecipitationVolume.init(reference:)),
            conditions: r.weather.map(WeatherCondition.init(reference:))
        )
    }
}

extension DailyForecast {
    init(reference r: ReferenceOneCall.Day) {
        let kelvin = { (value: Double?) in value.map { Temperature(kelvin: $0) } }
        self.init(
            time: Date(unixSeconds: r.dt),
            sunrise: Date.unlessZero(r.sunrise),
            sunset: Date.unlessZero(r.sunset),
            moonrise: Date.unlessZero(r.moonrise),
            moonset: Date.unlessZero(r.moonset),
            moonPhase: r.moonPhase,
            summary: r.summary,
            temperature: DailyTemperatures(
                morning: kelvin(r.temp.morn), day: Temperature(kelvin: r.temp.day), evening: kelvin(r.temp.eve),
                night: kelvin(r.temp.night), min: kelvin(r.temp.min), max: kelvin(r.temp.max)),
            feelsLike: DailyFeelsLike(
                morning: kelvin(r.feelsLike.morn), day: Temperature(kelvin: r.feelsLike.day),
                evening: kelvin(r.feelsLike.eve), night: kelvin(r.feelsLike.night)),
            pressure: Pressure(hectopascals: r.pressure),
            humidity: r.humidity,
            dewPoint: kelvin(r.dewPoint),
            wind: Wind(speed: r.windSpeed, degrees: r.windDeg, gust: r.windGust),
            cloudiness: r.clouds,
            uvIndex: r.uvi,
            precipitationProbability: r.pop,
            rain: r.rain.map { Precipitation(millimeters: $0) },
            snow: r.snow.map { Precipitation(millimeters: $0) },
            conditions: r.weather.map(WeatherCondition.init(reference:))
        )
    }
}
