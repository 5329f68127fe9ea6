import WeatherCore

/// `onecall` for people: the weather now in two lines, alerts, then one row per day.
struct OneCallRenderer {
    let units: Quantities
    let style: Style

    func render(_ oneCall: OneCall, place: String) -> String {
        let clock = LocalClock(utcOffsetSeconds: oneCall.utcOffsetSeconds)
        var lines = ["\(style.bold(place)) — \(oneCall.timeZoneIdentifier) (\(clock.zoneText))"]
        if let source = oneCall.source { lines.append(style.dim(Self.sourceLine(source))) }
        if let now = oneCall.current {
            lines.append(
                "Now (\(clock.dayAndTime(now.time))): \(Quantities.condition(now.conditions)), "
                    + "\(units.temperature(now.temperature)) (feels like \(units.temperature(now.feelsLike))), "
                    + "wind \(units.windShort(now.wind)), humidity \(now.humidity) %")
        }
        for alert in oneCall.alerts ?? [] {
            lines.append(
                style.colour("Alert: \(alert.event) until \(clock.dayAndTime(alert.end)) (\(alert.senderName))", 31))
        }
        if !oneCall.daily.isEmpty {
            var table = TextTable()
            let header = ["Day", "Low", "High", "Conditions", "Wind", "Rain", "UV"]
            table.add(plain: header, styled: header.map(style.dim))
            for day in oneCall.daily {
                let low = day.temperature.min ?? day.temperature.day
                let high = day.temperature.max ?? day.temperature.day
                table.add([
                    clock.day(day.time), units.shortTemperature(low), units.shortTemperature(high),
                    Quantities.condition(day.conditions), units.windShort(day.wind),
                    day.precipitationProbability.map(Quantities.percent) ?? "—",
                    day.uvIndex.map { String(Int($0.rounded())) } ?? "—",
                ])
            }
            lines += table.lines()
        }
        if let summary = oneCall.daily.first?.summary, !summary.isEmpty { lines.append("Today: \(summary)") }
        return lines.joined(separator: "\n")
    }

    /// `One Call 4.0 · 6 upstream calls` (`· from the cache` when none was needed).
    static func sourceLine(_ source: OneCallSource) -> String {
        let calls: String
        switch source.upstreamCalls {
        case 0: calls = "from the cache"
        case 1: calls = "1 upstream call"
        default: calls = "\(source.upstreamCalls) upstream calls"
        }
        return "One Call \(source.api) · \(calls)"
    }
}
