import ArgumentParser
import Foundation
import WeatherCore

/// `weather-tracker decode --kind KIND FILE`: decodes a saved OpenWeather response with
/// WeatherCore's decoder and prints the model as JSON, with every unit named in its key.
///
/// One Call 4.0 kinds (`onecall4-current`, `-1min`, `-15min`, `-1h`, `-1day`, `-alert`) print the
/// page with its records, alert ids and the parsed `prev`/`next` (step, start, count) — never the
/// link text, which carries an API key.
///
/// Exit status: 0 on success; 1 when the file cannot be read or does not decode (one line on
/// stderr naming the JSON path); 2 for usage errors.
struct DecodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a saved OpenWeather response and print the model as JSON with units named."
    )

    /// Which endpoint the file came from.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case current, forecast, onecall, timemachine
        case daySummary = "day-summary"
        case overview, air, geocode, zip
        case oneCall4Current = "onecall4-current"
        case oneCall4Minutely = "onecall4-1min"
        case oneCall4QuarterHourly = "onecall4-15min"
        case oneCall4Hourly = "onecall4-1h"
        case oneCall4Daily = "onecall4-1day"
        case oneCall4Alert = "onecall4-alert"
    }

    @Option(
        name: .long,
        help: "The endpoint the response came from: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind

    @Argument(help: "The response body, as saved from OpenWeather.")
    var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            Self.fail("cannot read \(file)")
        }
        let bytes = [UInt8](data)
        do {
            Console.out(try Self.render(kind: kind, bytes: bytes))
        } catch let error as WeatherError {
            Self.fail("\(file): \(error.description)")
        }
    }

    /// Decodes `bytes` as `kind` and encodes the model as ``JSONOutput`` does for `--json`.
    static func render(kind: Kind, bytes: [UInt8]) throws -> String {
        switch kind {
        case .current: return try JSONOutput.text(CurrentWeather(jsonBytes: bytes))
        case .forecast: return try JSONOutput.text(Forecast(jsonBytes: bytes))
        case .onecall: return try JSONOutput.text(OneCall(jsonBytes: bytes))
        case .timemachine: return try JSONOutput.text(HistoricalWeather(jsonBytes: bytes))
        case .daySummary: return try JSONOutput.text(DaySummary(jsonBytes: bytes))
        case .overview: return try JSONOutput.text(WeatherOverview(jsonBytes: bytes))
        case .air: return try JSONOutput.text(AirPollution(jsonBytes: bytes))
        case .zip: return try JSONOutput.text(ZipLocation(jsonBytes: bytes))
        case .oneCall4Current: return try JSONOutput.text(OneCall4Current(jsonBytes: bytes))
        case .oneCall4Minutely: return try JSONOutput.text(TimelinePage<MinutelyPrecipitation>(jsonBytes: bytes))
        case .oneCall4QuarterHourly, .oneCall4Hourly:
            return try JSONOutput.text(Self.timelinePage(HourlyForecast.self, bytes: bytes, step: kind.step))
        case .oneCall4Daily: return try JSONOutput.text(TimelinePage<DailyForecast>(jsonBytes: bytes))
        case .oneCall4Alert: return try JSONOutput.text(WeatherAlert(jsonBytes: bytes))
        case .geocode:
            // `/direct` and `/reverse` send an array; `/zip` sends one object.
            let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            if first == UInt8(ascii: "{") { return try JSONOutput.text(ZipLocation(jsonBytes: bytes)) }
            return try JSONOutput.text(GeocodingResults(jsonBytes: bytes))
        }
    }

    /// A timeline page, its links kept only when they point at `step`'s timeline (15-minute and
    /// hourly pages share a record type, so the kind decides which links are the page's own).
    static func timelinePage<R: TimelineRecord>(_ type: R.Type, bytes: [UInt8], step: TimelineStep?) throws
        -> TimelinePage<R>
    {
        var page = try TimelinePage<R>(jsonBytes: bytes)
        if page.next?.step != step { page.next = nil }
        if page.previous?.step != step { page.previous = nil }
        return page
    }

    /// Prints one line on stderr and exits with status 1.
    private static func fail(_ message: String) -> Never {
        Console.err("weather-tracker decode: \(message)")
        Self.exit(withError: ExitCode.failure)
    }
}

extension DecodeCommand.Kind {
    /// The timeline a One Call 4.0 page kind comes from.
    var step: TimelineStep? {
        switch self {
        case .oneCall4Minutely: .minute
        case .oneCall4QuarterHourly: .quarterHour
        case .oneCall4Hourly: .hour
        case .oneCall4Daily: .day
        default: nil
        }
    }
}
