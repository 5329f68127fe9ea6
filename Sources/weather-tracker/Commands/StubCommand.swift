import ArgumentParser
import Dispatch
import OpenWeatherStub

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `weather-tracker stub`: runs OpenWeatherStub standalone until SIGINT or SIGTERM, so that
/// integration tests outside this package can point at it.
struct StubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stub",
        abstract: "Run the embedded OpenWeather-compatible stub server on 127.0.0.1.",
        discussion: """
            Prints the base URL on stdout, then serves until SIGINT or SIGTERM. Unknown places \
            (404): names starting with "nowhere" or "unknown", zip 00000, city id 0. \
            Stats: GET /__stub/stats, POST /__stub/reset. Faults: PUT (replace), POST (add), GET, \
            DELETE /__stub/faults with a JSON list of rules, e.g. \
            [{"fault":"status","status":503,"path_prefix":"/data/2.5/weather","times":2}].
            """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 0

    @Option(help: "The only API key (appid) accepted.")
    var apiKey: String = OpenWeatherStub.Configuration.defaultAPIKey

    @Flag(help: "Accept any API key, or none.")
    var anyKey = false

    func run() async throws {
        let stub = try await OpenWeatherStub.start(
            configuration: .init(port: port, apiKey: anyKey ? nil : apiKey))
        print(stub.baseURL)
        fflush(nil)
        await Self.waitForTerminationSignal()
        try await stub.shutdown()
    }

    /// Suspends until the process receives SIGINT or SIGTERM.
    static func waitForTerminationSignal() async {
        let queue = DispatchQueue(label: "weather-tracker.stub.signals")
        let (signals, continuation) = AsyncStream<Int32>.makeStream()
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        for await _ in signals { break }
        for source in sources { source.cancel() }
    }
}
