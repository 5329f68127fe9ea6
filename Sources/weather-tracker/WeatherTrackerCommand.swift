import ArgumentParser

/// The `weather-tracker` command line: lookups, the decoder, the stub.
@main
struct WeatherTrackerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weather-tracker",
        abstract: "Weather lookups through WeatherCore, against OpenWeather or the embedded stub.",
        subcommands: [StubCommand.self]
    )
}
