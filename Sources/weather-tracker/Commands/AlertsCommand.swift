import ArgumentParser
import Foundation
import WeatherCore

/// `weather-tracker alerts PLACE`: the government weather alerts in force.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Government weather alerts in force at a place (One Call), described in --lang when available.",
        discussion: PlaceHelp.discussion + " A city or zip is geocoded first (cached like any lookup). "
            + OneCallHelp.version
    )

    @Argument(help: PlaceHelp.argument)
    var place: String

    @OptionGroup var options: LookupOptions

    func run() async throws {
        try await LookupSession.run(options) { session in
            let resolved = try await session.resolve(try Place.argument(place))
            // The same calls as `client.alerts(for:)` (3.0: One Call with only `alerts`; 4.0:
            // `/current` and one `/alert/{id}` each), and the answer also names the place's time zone.
            let result = try await session.client.oneCall(
                for: resolved.coordinates, exclude: [.current, .minutely, .hourly, .daily],
                language: options.language)
            session.report(result)
            let output = OutputContext(options)
            let alerts = AlertsOutput(result.value, place: resolved.name, language: options.language)
            try output.print(alerts) { AlertsRenderer(style: output.style).render($0) }
        }
    }
}

/// What `alerts --json` prints: the place, its zone, which API answered, and the alerts, each
/// with `description` in the language asked for when OpenWeather has it (every translation in
/// `descriptions`).
struct AlertsOutput: Encodable {
    var place: String
    var timeZoneIdentifier: String
    var utcOffsetSeconds: Int
    var source: OneCallSource?
    var alerts: [WeatherAlert]

    init(_ oneCall: OneCall, place: String, language: String?) {
        self.place = place
        timeZoneIdentifier = oneCall.timeZoneIdentifier
        utcOffsetSeconds = oneCall.utcOffsetSeconds
        source = oneCall.source
        alerts = (oneCall.alerts ?? []).map { alert in
            var alert = alert
            alert.description = alert.description(preferring: language)
            return alert
        }
    }
}

/// `alerts` for people: each alert's event, sender, local start–end and description.
struct AlertsRenderer {
    let style: Style

    func render(_ output: AlertsOutput) -> String {
        let clock = LocalClock(utcOffsetSeconds: output.utcOffsetSeconds)
        var lines = ["\(style.bold(output.place)) — \(output.timeZoneIdentifier) (\(clock.zoneText))"]
        if let source = output.source { lines.append(style.dim(OneCallRenderer.sourceLine(source))) }
        guard !output.alerts.isEmpty else { return (lines + ["No alerts in force."]).joined(separator: "\n") }
        for alert in output.alerts {
            let event = alert.event.isEmpty ? (alert.tags.first ?? "Alert") : alert.event
            lines.append("")
            lines.append(style.colour(style.bold(event), 31))
            lines.append("From \(clock.dayAndTime(alert.start)) to \(clock.dayAndTime(alert.end)) (\(clock.zoneText))")
            if !alert.senderName.isEmpty { lines.append("Issued by \(alert.senderName)") }
            let text = alert.description.trimmingWhitespace()
            if !text.isEmpty {
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }
}
