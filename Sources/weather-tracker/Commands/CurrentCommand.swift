import ArgumentParser
import WeatherCore

/// `weather-tracker current PLACE`: the weather now.
struct CurrentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "current",
        abstract: "Current weather for a place.",
        discussion: PlaceHelp.discussion
    )

    @Argument(help: PlaceHelp.argument)
    var place: String

    @OptionGroup var options: LookupOptions

    func run() async throws {
        try await LookupSession.run(options) { session in
            let request = try OpenWeatherRequest.current(try Place.argument(place), language: options.language)
            try await session.show(request, as: CurrentWeather.self, to: OutputContext(options)) { value, output in
                CurrentWeatherRenderer(units: output.units, style: output.style).render(value)
            }
        }
    }
}

/// The help text about PLACE, shared by the subcommands.
enum PlaceHelp {
    static let argument = ArgumentHelp(
        "A city (Zürich, \"Springfield,IL,US\"), LAT,LON, zip:ZIP,CC or id:CITYID.")
    static let discussion = """
        Without OPENWEATHER_API_KEY (or --api-key), or with --demo, the built-in stub answers with \
        synthetic weather. Exit status: 0 ok, 2 usage, 3 place not found, 4 upstream/key/quota, 5 network.
        """
}
