import ArgumentParser
import OpenWeatherStub
import WeatherCache
import WeatherCore
import WeatherHTTP
import WeatherServer
import WeatherServerCore

/// Everything one CLI run needs to look weather up: the client over curl and a cache store, and
/// the demo stub when there is no API key. Build it with ``run(_:environment:_:)``, which also
/// reports failures and shuts everything down.
final class LookupSession: Sendable {
    /// The client every lookup goes through.
    let client: WeatherClient
    /// Whether `-v` was given.
    let verbose: Bool
    private let transport: CurlTransport
    private let backends: WeatherBackends

    private init(client: WeatherClient, verbose: Bool, transport: CurlTransport, backends: WeatherBackends) {
        self.client = client
        self.verbose = verbose
        self.transport = transport
        self.backends = backends
    }

    /// Looks `request` up and reports its cache status with `-v`.
    func fetch<M: OpenWeatherDecodable>(_ request: OpenWeatherRequest, as type: M.Type = M.self) async throws
        -> WeatherResult<M>
    {
        let result = try await client.fetch(request, as: M.self)
        if verbose { Console.err(CacheReporter.line(for: result)) }
        return result
    }

    /// Reports a lookup's cache status with `-v` (for answers the client assembles itself).
    func report<M>(_ result: WeatherResult<M>) {
        if verbose { Console.err(CacheReporter.line(for: result)) }
    }

    /// Looks `request` up and prints its model: as JSON with `--json`, else as the text `render`
    /// writes with `output`'s units and style.
    func show<M: OpenWeatherDecodable & Encodable>(
        _ request: OpenWeatherRequest, as type: M.Type, to output: OutputContext,
        text render: (M, OutputContext) -> String
    ) async throws {
        let result = try await fetch(request, as: M.self)
        try output.print(result.value) { render($0, output) }
    }

    /// The coordinates of `place` (geocoded through the cache), reported with `-v` like any lookup.
    func resolve(_ place: Place) async throws -> ResolvedPlace {
        let verbose = verbose
        return try await client.resolve(place) { result in
            if verbose { Console.err(CacheReporter.line(for: result)) }
        }
    }

    /// Builds a session from `options` and `environment`, runs `body`, and shuts down.
    ///
    /// Failures become one `error: …` line on stderr and an ``ExitStatus`` (thrown as `ExitCode`).
    static func run(
        _ options: LookupOptions, environment: [String: String] = ProcessEnvironment.current,
        _ body: (LookupSession) async throws -> Void
    ) async throws {
        let session: LookupSession
        do {
            let settings = try Settings(options: options, environment: await ConfigurationSources.resolve(environment))
            session = try await make(settings, verbose: options.verbose)
        } catch {
            throw fail(error)
        }
        var failure: (any Error)?
        do {
            try await body(session)
            await session.client.drainBackgroundRefreshes()
        } catch {
            failure = error
        }
        await session.shutdown()
        if let failure { throw fail(failure) }
    }

    private static func make(_ settings: Settings, verbose: Bool) async throws -> LookupSession {
        // The service's upstream and cache, as `serve` would make them from the same configuration.
        let backends = try await WeatherBackends.start(settings.configuration)
        if let stub = backends.stub {
            Console.err(
                "demo: synthetic weather from the built-in OpenWeather stub at \(stub.baseURL) (\(settings.demoReason ?? "--demo"))"
            )
        }
        if verbose, let redis = backends.redis { Console.err("cache: redis at \(redis.configuration)") }
        let transport = CurlTransport(
            configuration: .init(connectTimeout: .seconds(5), timeout: .seconds(15)))
        let configuration = WeatherClient.Configuration(
            apiKey: backends.apiKey, baseURL: backends.baseURL,
            // A person is waiting: few, short retries.
            retry: RetryPolicy(
                maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(1), deadline: .seconds(20)),
            quota: settings.quota, oneCallVersion: settings.configuration.oneCallVersion)
        // The service's budget: with Redis the account-wide one every replica spends.
        let client = WeatherClient(
            transport: transport, cache: backends.cache, configuration: configuration,
            observer: verbose ? VerboseObserver() : nil,
            quota: settings.configuration.quotaStore(sharedIn: backends.redis, apiKey: backends.apiKey))
        return LookupSession(client: client, verbose: verbose, transport: transport, backends: backends)
    }

    private func shutdown() async {
        await transport.shutdown()
        await backends.shutdown()
    }

    /// Reports `error` on stderr (one line, never the key) and returns the exit code to throw.
    static func fail(_ error: any Error) -> any Error {
        switch error {
        case let error as WeatherError:
            Console.err("error: \(error.description)")
            return ExitCode(ExitStatus(for: error.code).rawValue)
        case let error as ExitCode:
            return error
        case let error as ConfigurationError:
            Console.err(error.description)
            return ExitCode(ExitStatus.usage.rawValue)
        case let error as UsageError:
            Console.err("error: \(error.message)")
            return ExitCode(ExitStatus.usage.rawValue)
        default:
            Console.err("error: \(error)")
            return ExitCode(ExitStatus.failure.rawValue)
        }
    }
}
