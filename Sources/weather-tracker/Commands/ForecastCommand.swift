import ArgumentParser
import WeatherCore

/// `weather-tracker forecast PLACE`: the 5-day / 3-hour forecast, one row per day.
struct ForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "5-day forecast for a place, summarised per day.",
        discussion: PlaceHelp.discussion
    )

    @Argument(help: PlaceHelp.argument)
    var place: String

    @OptionGroup var options: LookupOptions

    func run() async throws {
        try await LookupSession.run(options) { session in
            let request = try OpenWeatherRequest.forecast(try Place.argument(place), language: options.language)
            try await session.show(request, as: Forecast.self, to: OutputContext(options)) { value, output in
                ForecastRenderer(units: output.units, style: output.style).render(value)
            }
        }
    }
}
