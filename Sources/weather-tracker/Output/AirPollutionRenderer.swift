import WeatherCore

/// `air` for people: the index with its name and the pollutants that set it; for a forecast or
/// history, one row per local day with the worst index.
struct AirPollutionRenderer {
    let style: Style

    /// The pollutants OpenWeather's index is computed from, with their labels.
    static var pollutants: [(AirPollutant, String, KeyPath<AirComponents, Double>)] {
        [
            (.pm2_5, "PM2.5", \.fineParticles), (.pm10, "PM10", \.coarseParticles), (.ozone, "O3", \.ozone),
            (.nitrogenDioxide, "NO2", \.nitrogenDioxide), (.sulphurDioxide, "SO2", \.sulphurDioxide),
            (.carbonMonoxide, "CO", \.carbonMonoxide),
        ]
    }

    func render(_ air: AirPollution, place: String, utcOffsetSeconds: Int = 0) -> String {
        let clock = LocalClock(utcOffsetSeconds: utcOffsetSeconds)
        guard let first = air.readings.first else { return "\(style.bold(place)): no air quality readings" }
        if air.readings.count == 1 { return single(first, place: place, clock: clock) }
        return table(air.readings, place: place, clock: clock)
    }

    private func single(_ reading: AirQualityReading, place: String, clock: LocalClock) -> String {
        var lines = ["\(style.bold(place)) — air quality at \(clock.dayAndTime(reading.time)) \(clock.zoneText)"]
        var table = TextTable()
        let aqi = indexText(reading.airQualityIndex)
        table.add(plain: ["AQI", aqi.plain], styled: [style.dim("AQI"), aqi.styled])
        for (pollutant, label, path) in Self.pollutants {
            let value = reading.components[keyPath: path]
            let level = pollutant.index(for: value)
            let text = "\(Self.concentration(value)) µg/m³"
            table.add(plain: [label, text, level.name], styled: [style.dim(label), text, tint(level.name, level)])
        }
        lines += table.lines()
        let main = Self.mainPollutants(reading.components)
        if !main.isEmpty { lines.append("Main pollutants: \(main.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }

    private func table(_ readings: [AirQualityReading], place: String, clock: LocalClock) -> String {
        var lines = ["\(style.bold(place)) — \(readings.count) hourly readings, worst per day (\(clock.zoneText))"]
        var table = TextTable()
        let header = ["Day", "Worst AQI", "PM2.5 max", "PM10 max", "O3 max", "NO2 max"]
        table.add(plain: header, styled: header.map(style.dim))
        var groups: [[AirQualityReading]] = []
        var lastKey: Int?
        for reading in readings {
            let key = clock.dayKey(reading.time)
            if key == lastKey { groups[groups.count - 1].append(reading) } else { groups.append([reading]) }
            lastKey = key
        }
        for day in groups {
            let worst = indexText(day.map(\.airQualityIndex).max() ?? 1)
            let maxima = [\AirComponents.fineParticles, \.coarseParticles, \.ozone, \.nitrogenDioxide].map { path in
                Self.concentration(day.map { $0.components[keyPath: path] }.max() ?? 0)
            }
            table.add(
                plain: [clock.day(day[0].time), worst.plain] + maxima,
                styled: [clock.day(day[0].time), worst.styled] + maxima)
        }
        lines += table.lines()
        return lines.joined(separator: "\n")
    }

    /// `2 Fair`, coloured by level.
    private func indexText(_ index: Int) -> (plain: String, styled: String) {
        guard let level = AirQualityIndex(index: index) else { return ("\(index)", "\(index)") }
        let text = "\(index) \(level.name)"
        return (text, tint(text, level))
    }

    private func tint(_ text: String, _ level: AirQualityIndex) -> String {
        switch level {
        case .good: style.colour(text, 32)
        case .fair: style.colour(text, 36)
        case .moderate: style.colour(text, 33)
        case .poor, .veryPoor: style.colour(text, 31)
        }
    }

    /// The pollutants with the worst sub-index (only when it is above Good), e.g. `PM2.5, O3`.
    static func mainPollutants(_ components: AirComponents) -> [String] {
        let levels = pollutants.map { ($0.1, $0.0.index(for: components[keyPath: $0.2])) }
        guard let worst = levels.map(\.1).max(), worst > .good else { return [] }
        return levels.filter { $0.1 == worst }.map(\.0)
    }

    /// `12.3`, `250`.
    static func concentration(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(Double(Int((value * 10).rounded())) / 10)
    }
}
