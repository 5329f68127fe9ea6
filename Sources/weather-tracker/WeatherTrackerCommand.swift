import ArgumentParser
import WeatherServer
import WeatherServerCore

/// The `weather-tracker` command line: lookups, the decoder, the stub.
@main
struct WeatherTrackerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weather-tracker",
        abstract: "The Weather Tracker service (serve) and weather lookups, against OpenWeather or the embedded stub.",
        version: "weather-tracker \(ServiceVersion.current)",
        subcommands: [
            CurrentCommand.self, ForecastCommand.self, OneCallCommand.self, TimelineCommand.self, AlertsCommand.self,
            AirCommand.self, GeocodeCommand.self,
            DecodeCommand.self, StubCommand.self, ServeCommand.self, HealthcheckCommand.self,
        ]
    )

    /// Runs the command; usage errors exit with status 2 (ArgumentParser's default is 64).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Before any task exists: the service's executor (NIO's event loops unless CONCURRENCY_EXECUTOR says otherwise).
        if arguments.first == "serve" { ConcurrencyExecutor.chosen(in: ProcessEnvironment.current).install() }
        do {
            var command = try parseAsRoot(NegativeCoordinates.rewrite(arguments))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.errText(fullMessage(for: error))
                Self.exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
