import WeatherCore

/// `forecast` for people: one row per local day of the 3-hourly forecast.
///
/// ```
/// Zürich, CH — 5-day forecast, local time UTC+01:00
/// Day         Low    High   Conditions     Wind         Rain
/// Fri 27 Nov  3 °C   8 °C   light rain     6.1 m/s SW   80 %  1.2 mm
/// ```
struct ForecastRenderer {
    let units: Quantities
    let style: Style

    func render(_ forecast: Forecast) -> String {
        let clock = LocalClock(utcOffsetSeconds: forecast.city.utcOffsetSeconds)
        let name = ResolvedPlace.joinedName(forecast.city.name, forecast.city.country)
        let title = "5-day forecast (\(forecast.entries.count) × 3 h), local time \(clock.zoneText)"
        var lines = ["\(style.bold(name)) — \(title)"]
        var table = TextTable()
        let header = ["Day", "Low", "High", "Conditions", "Wind (max)", "Rain"]
        table.add(plain: header, styled: header.map(style.dim))
        for day in Self.days(forecast.entries, clock: clock) {
            table.add(row(day, clock: clock))
        }
        lines += table.lines()
        return lines.joined(separator: "\n")
    }

    private func row(_ entries: [ForecastEntry], clock: LocalClock) -> [String] {
        let low = entries.map(\.main.temperatureMin).min() ?? entries[0].main.temperature
        let high = entries.map(\.main.temperatureMax).max() ?? entries[0].main.temperature
        let windiest = entries.max { $0.wind.speed < $1.wind.speed }?.wind ?? entries[0].wind
        let chance = entries.compactMap(\.precipitationProbability).max() ?? 0
        let rain = entries.compactMap { $0.rain?.lastThreeHours?.millimeters }.reduce(0, +)
        var wet = Quantities.percent(chance)
        if rain > 0 { wet += "  " + units.precipitation(Precipitation(millimeters: rain)) }
        return [
            clock.day(entries[0].time), units.shortTemperature(low), units.shortTemperature(high),
            Self.typicalCondition(entries), units.windShort(windiest), wet,
        ]
    }

    /// The entries grouped by local calendar day, in order.
    static func days(_ entries: [ForecastEntry], clock: LocalClock) -> [[ForecastEntry]] {
        var days: [[ForecastEntry]] = []
        var lastKey: Int?
        for entry in entries {
            let key = clock.dayKey(entry.time)
            if key == lastKey { days[days.count - 1].append(entry) } else { days.append([entry]) }
            lastKey = key
        }
        return days
    }

    /// The condition of the day: the most frequent one, ties to the earliest.
    static func typicalCondition(_ entries: [ForecastEntry]) -> String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for entry in entries {
            let text = Quantities.condition(entry.conditions)
            if counts[text] == nil { order.append(text) }
            counts[text, default: 0] += 1
        }
        var best = order.first ?? "—"
        for text in order where counts[text, default: 0] > counts[best, default: 0] { best = text }
        return best
    }
}
