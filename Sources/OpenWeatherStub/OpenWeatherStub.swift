import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import RequestTargetEncoding
public import ServiceLifecycle
import Synchronization

/// An OpenWeather-compatible HTTP server on 127.0.0.1, for tests, benchmarks and demo mode.
///
/// It answers every endpoint WeatherCore models with deterministic synthetic weather (the same
/// query gives the same answer within a time bucket), checks the API key, counts requests and
/// connections, and injects faults on demand.
///
/// One Call 4.0's six paths (`/data/4.0/onecall/current`, `timeline/1min|15min|1h|1day`,
/// `alert/{id}`) are paginated and consistent across pages; ``Configuration/oneCallPlan`` decides
/// which One Call versions the key may call and ``Configuration/oneCall4Quirks`` switches on the
/// variants reports of the live service disagree on (see docs/stub.md).
///
/// Every endpoint needs `appid` equal to ``Configuration/apiKey`` (default `stub-key`), else 401;
/// query parameter names match in any case (`APPID`, as pyowm sends it, too). Request targets in
/// absolute form (`GET http://api.openweathermap.org/data/2.5/weather?…`) are served whatever their
/// host, so a client can use the stub as its HTTP proxy; raw UTF-8 in a target is taken as its
/// percent-encoded form.
/// Unknown places answer 404 `{"cod":"404","message":"city not found"}` (geocoding answers `[]`):
/// names starting with `nowhere` or `unknown` (any case), zip `00000` and city id `0`.
/// Every other name, id, zip or coordinate gets invented, deterministic weather in standard
/// units (Kelvin, m/s, hPa). `GET /__stub/stats` serves ``stats`` as JSON, `POST /__stub/reset`
/// zeroes them, and `PUT`/`POST`/`GET`/`DELETE /__stub/faults` set, add, read and clear the fault
/// rules as JSON (see docs/stub.md), so a standalone stub can be driven from any language.
///
/// Prefer the scoped form, which can never leak a server:
///
/// ```swift
/// try await OpenWeatherStub.withRunning { stub in
///     stub.inject(.status(503), pathPrefix: "/data/2.5/forecast", times: 2)
///     // point a client at stub.baseURL
/// }
/// ```
///
/// Lifecycle: ``start(configuration:)`` binds the port and returns a running stub;
/// ``shutdown()`` closes it and its event loop threads (it is idempotent). The stub is a
/// swift-service-lifecycle `Service`: in a `ServiceGroup`, ``run()`` waits for the graceful shutdown
/// and then shuts it down. Releasing a stub without either leaks its threads; debug builds stop
/// there with an assertion.
public final class OpenWeatherStub: Service, Sendable {
    /// The configuration the stub runs with.
    public let configuration: Configuration
    /// The port it listens on (the one the OS picked when `configuration.port` is 0).
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let serverChannel: any Channel
    private let state: StubState
    private let isShutDown = Atomic<Bool>(false)

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    public var baseURL: String { "http://\(configuration.host):\(port)" }

    private init(
        configuration: Configuration, port: Int, group: MultiThreadedEventLoopGroup, serverChannel: any Channel,
        state: StubState
    ) {
        self.configuration = configuration
        self.port = port
        self.group = group
        self.serverChannel = serverChannel
        self.state = state
    }

    /// Binds and starts a stub. Call ``shutdown()`` when done, or use ``withRunning(configuration:isolation:_:)``.
    public static func start(configuration: Configuration = .init()) async throws -> OpenWeatherStub {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(configuration.eventLoopThreads, 1))
        let state = StubState()
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.backlog, value: 256)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                // tcpOption, not socketOption: TCP_NODELAY (1) at SOL_SOCKET level is SO_DEBUG, which
                // only root may set — as any other user every accepted connection was reset.
                .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let sync = channel.pipeline.syncOperations
                        try sync.addHandler(RequestTargetEncoder())  // raw UTF-8 in the URL, as OpenWeather takes it
                        try sync.configureHTTPServerPipeline(withErrorHandling: true)
                        if configuration.compressResponses {
                            try sync.addHandler(
                                HTTPResponseCompressor { head, _ in
                                    let marked = head.headers.contains(name: StubHTTPHandler.identityMarker)
                                    head.headers.remove(name: StubHTTPHandler.identityMarker)
                                    return marked ? .doNotCompress : .compressIfPossible
                                })
                        }
                        try sync.addHandler(StubHTTPHandler(state: state, configuration: configuration))
                    }
                }
                .bind(host: configuration.host, port: configuration.port)
                .get()
            guard let port = channel.localAddress?.port else {
                try? await channel.close()
                throw StubStartError(message: "the listening socket has no port")
            }
            return OpenWeatherStub(
                configuration: configuration, port: port, group: group, serverChannel: channel, state: state)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Runs `body` with a started stub and shuts it down afterwards, also when `body` throws.
    public static func withRunning<Result>(
        configuration: Configuration = .init(),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (OpenWeatherStub) async throws -> Result
    ) async throws -> Result {
        let stub = try await start(configuration: configuration)
        let result: Result
        do {
            result = try await body(stub)
        } catch {
            try? await stub.shutdown()
            throw error
        }
        try await stub.shutdown()
        return result
    }

    /// Runs until the service group's graceful shutdown (or until cancelled), then ``shutdown()``.
    public func run() async throws {
        try? await gracefulShutdown()
        try await shutdown()
    }

    /// Stops listening, closes every connection and stops the event loop threads. Calling it again
    /// returns at once.
    public func shutdown() async throws {
        guard !isShutDown.exchange(true, ordering: .relaxed) else { return }
        try? await serverChannel.close()
        try await group.shutdownGracefully()
    }

    deinit {
        assert(
            isShutDown.load(ordering: .relaxed),
            "OpenWeatherStub released without shutdown(): its event loop threads leak. "
                + "Call shutdown() when done, use withRunning, or run the stub in a ServiceGroup.")
    }

    /// The counters so far (also served as JSON at `GET /__stub/stats`).
    public var stats: StubStats { state.snapshot }

    /// Zeroes the counters (open connections stay counted).
    public func resetStats() { state.resetStats() }

    /// Adds a fault rule; it applies from the next request on.
    public func inject(_ rule: FaultRule) { state.add(rule) }

    /// Injects `fault` for paths starting with `pathPrefix` (every path when `nil`), `times` times (forever when `nil`).
    public func inject(_ fault: StubFault, pathPrefix: String? = nil, times: Int? = nil) {
        state.add(FaultRule(fault, pathPrefix: pathPrefix, times: times))
    }

    /// Removes every fault rule.
    public func clearFaults() { state.clearFaults() }

    /// The fault rules still in force.
    public var faultRules: [FaultRule] { state.faultRules }
}

/// The stub could not start.
public struct StubStartError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public var message: String
    /// The message.
    public var description: String { "OpenWeatherStub failed to start: \(message)" }
}
