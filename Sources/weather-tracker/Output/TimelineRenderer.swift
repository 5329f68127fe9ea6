import WeatherCore

/// `timeline` for people: a title, which API answered, then one row per step in local time.
///
/// ```
/// Berlin, DE — 1h timeline, 48 steps, local time UTC+01:00
/// One Call 4.0 · 3 upstream calls
/// Time           Temp   Feels  Conditions     Wind        Chance  Rain
/// Mon 7 Dec 06:00  3 °C   0 °C   light rain     4.1 m/s W   80 %    0.4 mm
/// ```
struct TimelineRenderer {
    let units: Quantities
    let style: Style

    func render(_ output: TimelineOutput<MinutelyPrecipitation>) -> String {
        let clock = LocalClock(utcOffsetSeconds: output.utcOffsetSeconds ?? 0)
        var lines = header(output, clock: clock)
        guard !output.records.isEmpty else { return (lines + ["No records in this range."]).joined(separator: "\n") }
        if output.records.allSatisfy({ $0.precipitation.millimeters <= 0 }) {
            lines.append("No precipitation expected.")
        }
        var table = TextTable()
        let head = ["Time", "Precipitation"]
        table.add(plain: head, styled: head.map(style.dim))
        for record in output.records {
            table.add([clock.dayAndTime(record.time), units.precipitation(record.precipitation) + "/h"])
        }
        return (lines + table.lines()).joined(separator: "\n")
    }

    func render(_ output: TimelineOutput<HourlyForecast>) -> String {
        let clock = LocalClock(utcOffsetSeconds: output.utcOffsetSeconds ?? 0)
        let lines = header(output, clock: clock)
        guard !output.records.isEmpty else { return (lines + ["No records in this range."]).joined(separator: "\n") }
        var table = TextTable()
        let head = ["Time", "Temp", "Feels", "Conditions", "Wind", "Chance", "Rain"]
        table.add(plain: head, styled: head.map(style.dim))
        for record in output.records {
            let wet = [record.rain?.lastHour, record.snow?.lastHour].compactMap { $0?.millimeters }.reduce(0, +)
            table.add([
                clock.dayAndTime(record.time), units.shortTemperature(record.temperature),
                units.shortTemperature(record.feelsLike), Quantities.condition(record.conditions),
                units.windShort(record.wind), record.precipitationProbability.map(Quantities.percent) ?? "—",
                wet > 0 ? units.precipitation(Precipitation(millimeters: wet)) : "—",
            ])
        }
        return (lines + table.lines()).joined(separator: "\n")
    }

    func render(_ output: TimelineOutput<DailyForecast>) -> String {
        let clock = LocalClock(utcOffsetSeconds: output.utcOffsetSeconds ?? 0)
        let lines = header(output, clock: clock)
        guard !output.records.isEmpty else { return (lines + ["No records in this range."]).joined(separator: "\n") }
        var table = TextTable()
        let head = ["Day", "Low", "High", "Conditions", "Wind", "Chance", "Rain"]
        table.add(plain: head, styled: head.map(style.dim))
        for day in output.records {
            table.add([
                clock.day(day.time), units.shortTemperature(day.temperature.min ?? day.temperature.day),
                units.shortTemperature(day.temperature.max ?? day.temperature.day),
                Quantities.condition(day.conditions), units.windShort(day.wind),
                day.precipitationProbability.map(Quantities.percent) ?? "—",
                day.rain.map(units.precipitation) ?? "—",
            ])
        }
        return (lines + table.lines()).joined(separator: "\n")
    }

    private func header<R>(_ output: TimelineOutput<R>, clock: LocalClock) -> [String] {
        let zone = output.timeZoneIdentifier.map { "\($0), " } ?? ""
        var lines = [
            "\(style.bold(output.place)) — \(output.step) timeline, \(output.records.count) steps, "
                + "local time \(zone)\(clock.zoneText)"
        ]
        if let source = output.source { lines.append(style.dim(OneCallRenderer.sourceLine(source))) }
        return lines
    }
}
