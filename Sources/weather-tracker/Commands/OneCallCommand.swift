import ArgumentParser
import WeatherCore

/// `weather-tracker onecall PLACE`: One Call 3.0 — now, and the next 8 days.
struct OneCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onecall",
        abstract: "One Call 3.0 for a place: the weather now and 8 daily forecasts (needs a One Call subscription).",
        discussion: PlaceHelp.discussion + " A city or zip is geocoded first (cached like any lookup)."
    )

    @Argument(help: PlaceHelp.argument)
    var place: String

    @Option(help: "Sections to leave out, comma-separated: current,minutely,hourly,daily,alerts.")
    var exclude: String?

    @OptionGroup var options: LookupOptions

    func run() async throws {
        try await LookupSession.run(options) { session in
            let sections = try ExcludeList.parse(exclude)
            let resolved = try await session.resolve(try Place.argument(place))
            let request = try OpenWeatherRequest.oneCall(
                resolved.coordinates, exclude: sections, language: options.language)
            try await session.show(request, as: OneCall.self, to: OutputContext(options)) { value, output in
                OneCallRenderer(units: output.units, style: output.style).render(value, place: resolved.name)
            }
        }
    }
}
