import ArgumentParser
import WeatherCore

/// `weather-tracker onecall PLACE`: One Call (3.0 or 4.0, whichever the key has) — now, and the next 8 days.
struct OneCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onecall",
        abstract:
            "One Call for a place: the weather now and 8 daily forecasts (needs a One Call 3.0 or 4.0 subscription).",
        discussion: PlaceHelp.discussion + " A city or zip is geocoded first (cached like any lookup). "
            + OneCallHelp.version
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
            let result = try await session.client.oneCall(
                for: resolved.coordinates, exclude: sections, language: options.language)
            session.report(result)
            let output = OutputContext(options)
            try output.print(result.value) {
                OneCallRenderer(units: output.units, style: output.style).render($0, place: resolved.name)
            }
        }
    }
}

/// The help text about which One Call API answers, shared by `onecall`, `timeline` and `alerts`.
enum OneCallHelp {
    static let version = """
        One Call 3.0 or 4.0 answers, whichever the key is subscribed to (ONECALL_VERSION=auto|3.0|4.0, \
        default auto: 4.0 is tried first); the output says which answered and how many upstream calls it took.
        """
}
