import ArgumentParser
import WeatherCore

/// `weather-tracker air PLACE`: the air quality index now, forecast or history.
struct AirCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "air",
        abstract: "Air quality (OpenWeather's index 1–5 and the pollutants) now, forecast or history.",
        discussion: PlaceHelp.discussion + " A city or zip is geocoded first (cached like any lookup)."
    )

    @Argument(help: PlaceHelp.argument)
    var place: String

    @Flag(help: "The hourly forecast for 4 days.")
    var forecast = false

    @Flag(help: "Hourly history between --from and --to (from 2020-11-27).")
    var history = false

    @Option(help: "History start: YYYY-MM-DD (UTC) or Unix seconds.")
    var from: String?

    @Option(help: "History end: YYYY-MM-DD (UTC) or Unix seconds.")
    var to: String?

    @OptionGroup var options: LookupOptions

    func validate() throws {
        if forecast && history { throw ValidationError("Choose one of --forecast and --history.") }
        if history && (from == nil || to == nil) { throw ValidationError("--history needs --from and --to.") }
        if !history && (from != nil || to != nil) { throw ValidationError("--from and --to go with --history.") }
    }

    func run() async throws {
        try await LookupSession.run(options) { session in
            let parsed = try Place.argument(place)
            let start = try from.map { try DateArgument.parse($0, option: "--from") }
            let end = try to.map { try DateArgument.parse($0, option: "--to") }
            let resolved = try await session.resolve(parsed)
            let request: OpenWeatherRequest
            if forecast {
                request = try .airPollutionForecast(resolved.coordinates)
            } else if history, let start, let end {
                request = try .airPollutionHistory(resolved.coordinates, from: start, to: end)
            } else {
                request = try .airPollution(resolved.coordinates)
            }
            try await session.show(request, as: AirPollution.self, to: OutputContext(options)) { value, output in
                AirPollutionRenderer(style: output.style).render(value, place: resolved.name)
            }
        }
    }
}
