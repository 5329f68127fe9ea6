package import WeatherServerCore
import Foundation
package import WeatherCore

/// A 5-day forecast read for the place page: the chart's steps and the per-day rows, in the page's
/// units and the place's local time.
package struct ForecastDigest {
    /// The forecast.
    package var forecast: Forecast
    /// The page's units.
    package var units: UnitSystem

    /// The place's wall clock.
    package var clock: PlaceClock { PlaceClock(utcOffsetSeconds: forecast.city.utcOffsetSeconds) }

    /// One chart step per forecast entry.
    package var steps: [ForecastChartStep] {
        forecast.entries.map { entry in
            ForecastChartStep(
                time: entry.time, temperature: entry.main.temperature.value(in: units),
                precipitationProbability: entry.precipitationProbability ?? 0,
                precipitation: Self.precipitation(of: entry, in: units.readerPrecipitation),
                windSpeed: entry.wind.speed.value(in: units),
                windFromDegrees: entry.wind.direction.degrees)
        }
    }

    /// Rain plus snow over the step's 3 hours, in `unit`.
    package static func precipitation(of entry: ForecastEntry, in unit: PrecipitationUnit) -> Double {
        func amount(_ volume: PrecipitationVolume?) -> Double {
            guard let volume else { return 0 }
            return (volume.lastThreeHours ?? volume.lastHour)?.value(in: unit) ?? 0
        }
        return amount(entry.rain) + amount(entry.snow)
    }

    /// The chart.
    package func chart(title: String) -> ForecastChart {
        ForecastChart(
            steps: steps, clock: clock, temperatureSymbol: units.temperature.symbol, speedSymbol: units.speed.symbol,
            title: title, precipitationUnit: units.readerPrecipitation)
    }

    /// One row per local calendar day the forecast touches.
    package var days: [DayRow] {
        let clock = clock
        var groups: [(day: Int, entries: [ForecastEntry])] = []
        for entry in forecast.entries {
            let day = clock.dayNumber(of: entry.time)
            if groups.last?.day == day {
                groups[groups.count - 1].entries.append(entry)
            } else {
                groups.append((day, [entry]))
            }
        }
        return groups.map { group in
            let entries = group.entries
            // The condition nearest 13:00 local time stands for the day.
            let middayTarget = clock.startOfDay(group.day).addingTimeInterval(13 * 3600)
            let midday = entries.min {
                abs($0.time.timeIntervalSince(middayTarget)) < abs($1.time.timeIntervalSince(middayTarget))
            }
            let condition = midday?.conditions.first
            let text = condition?.description ?? ""
            let temperatures = entries.map(\.main.temperature)
            let unit = units.readerPrecipitation
            let total = entries.map { Self.precipitation(of: $0, in: unit) }.reduce(0, +)
            let chance = (entries.compactMap(\.precipitationProbability).max() ?? 0) * 100
            let wind = entries.map(\.wind.speed).max() ?? Speed(metersPerSecond: 0)
            return DayRow(
                day: clock.day(of: clock.startOfDay(group.day)),
                icon: WeatherIcon.svg(
                    icon: condition?.icon ?? "", label: text.isEmpty ? "Unknown conditions" : text, size: 32),
                condition: text,
                low: (temperatures.min() ?? Temperature(kelvin: 0)).formatted(in: units, fractionDigits: 0),
                high: (temperatures.max() ?? Temperature(kelvin: 0)).formatted(in: units, fractionDigits: 0),
                precipitation: NumberText.format(total, digits: unit.readerFractionDigits) + " " + unit.symbol, chance: NumberText.format(chance) + " %",
                wind: wind.formatted(in: units, fractionDigits: 1))
        }
    }
}
