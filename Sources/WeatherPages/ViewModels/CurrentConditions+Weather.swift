import WeatherServerCore
package import Foundation
package import WeatherCore

extension CurrentConditions {
    /// The conditions of `weather` in `units`, as of `now`, with the air quality `air` when known
    /// and `age`, how old the cached answer is.
    package init(_ weather: CurrentWeather, air: AirQualityReading?, units: UnitSystem, now: Date, age: Duration) {
        let clock = PlaceClock(utcOffsetSeconds: weather.utcOffsetSeconds)
        let condition = weather.conditions.first
        let text = condition?.description ?? ""
        localTime = clock.weekdayAndTime(of: now)
        localTimeISO = clock.iso8601(now)
        offset = clock.offsetText
        self.condition = text
        icon = WeatherIcon.svg(icon: condition?.icon ?? "", label: text.isEmpty ? "Unknown conditions" : text)
        temperature = weather.main.temperature.formatted(in: units, fractionDigits: 0)
        feelsLike = weather.main.feelsLike.formatted(in: units, fractionDigits: 0)
        wind =
            weather.wind.speed.formatted(in: units, fractionDigits: 1) + " "
            + weather.wind.direction.compassPoint.abbreviation
        windArrow = WindArrow.svg(from: weather.wind.direction)
        let force = weather.wind.speed.beaufort
        beaufort = "Beaufort \(force.number), \(force.name.lowercased())"
        humidity = "\(weather.main.humidity) %"
        pressure = weather.main.pressure.formatted(
            in: units.readerPressure, fractionDigits: units.readerPressure == .hectopascals ? 0 : 2)
        self.air = air.flatMap { AirBadge(index: $0.airQualityIndex) }
        sunrise = weather.sunrise.map(clock.time(of:))
        sunset = weather.sunset.map(clock.time(of:))
        updated = "updated " + Self.ago(age)
    }

    /// `just now`, `3 min ago`, `2 h ago`, `3 days ago`.
    package static func ago(_ age: Duration) -> String {
        let seconds = max(0, Int(age.seconds))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<172_800: return "\(seconds / 3600) h ago"
        default: return "\(seconds / 86_400) days ago"
        }
    }
}

extension AirBadge {
    /// The badge for OpenWeather's index 1–5; `nil` outside it.
    package init?(index: Int) {
        guard let level = AirQualityIndex(index: index) else { return nil }
        self.init(index: level.index, name: level.name, cssClass: "aqi-\(level.index)")
    }

    /// The five bands, good to very poor.
    package static var all: [AirBadge] { AirQualityIndex.allCases.compactMap { AirBadge(index: $0.index) } }
}
