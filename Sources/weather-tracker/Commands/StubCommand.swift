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
            [{"fault":"status","status":503,"path_prefix":"/data/2.5/weather","times":2}]. \
            One Call: --onecall-plan decides which versions the key may call (the other answers 401); \
            --onecall4-quirk NAME switches on a One Call 4.0 variant (repeatable; see docs/stub.md).
            """
    )

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 0

    @Option(help: "The only API key (appid) accepted.")
    var apiKey: String = OpenWeatherStub.Configuration.defaultAPIKey

    @Flag(help: "Accept any API key, or none.")
    var anyKey = false

    @Option(
        name: .customLong("onecall-plan"),
        help: "The One Call versions the key may call: 3.0, 4.0, both or none; the other answers 401.")
    var oneCallPlan: String = OneCallPlan.both.rawValue

    @Option(
        name: .customLong("onecall4-quirk"),
        help: ArgumentHelp(
            "Switch on a One Call 4.0 variant (repeatable).",
            discussion: "One of: " + OneCall4Quirk.allCases.map(\.rawValue).joined(separator: ", ") + "."))
    var oneCall4Quirks: [String] = []

    @Option(
        name: .customLong("onecall4-link-base"),
        help: ArgumentHelp(
            "Scheme and host of One Call 4.0 prev/next links, e.g. https://api.openweathermap.org.",
            discussion: "Default: http:// and the host the request reached the stub by."))
    var oneCall4LinkBase: String?

    func validate() throws {
        guard OneCallPlan(rawValue: oneCallPlan) != nil else {
            throw ValidationError("--onecall-plan must be one of 3.0, 4.0, both, none; got \"\(oneCallPlan)\".")
        }
        for name in oneCall4Quirks where OneCall4Quirk(rawValue: name) == nil {
            throw ValidationError(
                "--onecall4-quirk \"\(name)\" is not a quirk; one of: "
                    + OneCall4Quirk.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
    }

    /// The stub configuration these options describe.
    var stubConfiguration: OpenWeatherStub.Configuration {
        OpenWeatherStub.Configuration(
            port: port, apiKey: anyKey ? nil : apiKey, oneCallPlan: OneCallPlan(rawValue: oneCallPlan) ?? .both,
            oneCall4Quirks: Set(oneCall4Quirks.compactMap(OneCall4Quirk.init(rawValue:))),
            oneCall4LinkBase: oneCall4LinkBase)
    }

    func run() async throws {
        let stub = try await OpenWeatherStub.start(configuration: stubConfiguration)
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
