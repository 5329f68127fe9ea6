import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import OpenWeatherStub
import Synchronization
import Tracing
import WeatherCore
import WeatherHTTP
@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages
import WeatherTesting

/// Log lines captured from a ``ServiceLogHandler``.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }

    /// A logger at `level` writing into this capture.
    func logger(level: Logger.Level = .info, format: LogFormat = .text) -> Logger {
        Logger(label: "weather-tracker") { label in
            ServiceLogHandler(label: label, level: level, format: format) { [self] in append($0) }
        }
    }
}

/// The service's router over a real embedded OpenWeather stub (reached with curl), a manual clock
/// for freshness, captured logs and its own metrics registry. Retries are off so that an injected
/// fault reaches the client as it is.
struct ServiceHarness: Sendable {
    let stub: OpenWeatherStub
    let clock: ManualClock
    let client: WeatherClient
    let dependencies: ServiceDependencies
    let metrics: ServiceMetrics
    let logs: LogCapture
    /// The client's cache: what the secrets test reads every key and value of.
    let store: MemoryCacheStore
    /// Requests that reached Hummingbird's responder (live servers: what the fast-path channel
    /// handler passed on).
    let responderCalls: Counter
    /// Of those, the ones the channel handler marked as already asked of the fast path.
    let declinedCalls: Counter

    /// Runs `body` with a harness and an in-process test client, then shuts everything down.
    static func run(
        apiKey: String = OpenWeatherStub.Configuration.defaultAPIKey,
        stubKey: String = OpenWeatherStub.Configuration.defaultAPIKey,
        quota: QuotaPolicy = .unlimited,
        baseURL: String? = nil,
        transportTimeout: Duration = .seconds(5),
        readinessChecks: [String: @Sendable () async throws -> Void] = [:],
        trackedPlaces: [Place] = [],
        logFormat: LogFormat = .text,
        clientLimit: ClientLimit = .off,
        live: Bool = false,
        idleTimeout: Duration? = nil,
        maxConnections: Int? = nil,
        mode: ServiceMode = .live,
        clientCallsPerMinute: Int? = nil,
        oneCallPlan: OneCallPlan = .both,
        tracer: (any Tracer)? = nil,
        quotaStore: (@Sendable (ManualClock) -> any QuotaStore)? = nil,
        _ body: @escaping @Sendable (ServiceHarness, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await OpenWeatherStub.withRunning(configuration: .init(apiKey: stubKey, oneCallPlan: oneCallPlan)) { stub in
            let transport = CurlTransport(
                configuration: .init(connectTimeout: .seconds(2), timeout: transportTimeout))
            let clock = ManualClock(start: Date())
            let metrics = ServiceMetrics()
            let logs = LogCapture()
            let logger = logs.logger(format: logFormat)
            let policy = CachePolicy(jitter: 0)
            let observer = MetricsObserver(metrics: metrics)
            let store = MemoryCacheStore(clock: clock)
            let client = WeatherClient(
                transport: TimedTransport(base: transport, metrics: metrics), cache: store,
                configuration: .init(
                    apiKey: APIKey(apiKey), baseURL: baseURL ?? stub.baseURL, cachePolicy: policy,
                    retry: RetryPolicy(maxAttempts: 1), quota: quota),
                clock: clock, random: .constant(0.5), observer: observer, quota: quotaStore?(clock))
            var configuration = ServiceConfiguration()
            configuration.cachePolicy = policy
            configuration.apiKey = mode == .live ? APIKey(apiKey) : nil
            configuration.demoRequested = mode == .demo
            configuration.trackedPlaces = trackedPlaces
            configuration.clientLimit = clientLimit
            configuration.host = "127.0.0.1"
            configuration.port = 0
            configuration.maxConnections = maxConnections
            if let idleTimeout { configuration.idleTimeout = idleTimeout }
            let assembly = ServiceAssembly(
                configuration: configuration, client: client, clock: clock, metrics: metrics, logger: logger,
                readinessChecks: readinessChecks, observer: observer, tracer: tracer,
                clientCallsPerMinute: clientCallsPerMinute)
            let responderCalls = Counter()
            let declinedCalls = Counter()
            let harness = ServiceHarness(
                stub: stub, clock: clock, client: client, dependencies: assembly.dependencies, metrics: metrics,
                logs: logs, store: store, responderCalls: responderCalls, declinedCalls: declinedCalls)
            let counting = CountingResponder(base: assembly.responder, calls: responderCalls, declined: declinedCalls)
            do {
                if live {
                    // The service's own server, as `serve` runs it: the fast path on the event loop.
                    let application = assembly.application(responder: counting)
                    try await application.test(.live) { testClient in try await body(harness, testClient) }
                } else {
                    let application = Application(responder: counting)
                    try await application.test(.router) { testClient in try await body(harness, testClient) }
                }
            } catch {
                await client.drainBackgroundRefreshes()
                await transport.shutdown()
                throw error
            }
            await client.drainBackgroundRefreshes()
            await transport.shutdown()
        }
    }

    /// Upstream requests the stub has seen for `path` (e.g. `/data/2.5/weather`).
    func upstreamCalls(_ path: String) -> Int { stub.stats.requestsByPath[path] ?? 0 }
}

/// A count shared between tasks.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func increment() { value.add(1, ordering: .relaxed) }

    var count: Int { value.load(ordering: .relaxed) }
}

/// The service's responder, counting the requests that reach it.
struct CountingResponder: HTTPResponder {
    let base: ServiceResponder
    let calls: Counter
    let declined: Counter

    func respond(to request: Request, context: ServiceRequestContext) async throws -> Response {
        calls.increment()
        if request.headers[.fastPathDeclined] != nil { declined.increment() }
        return try await base.respond(to: request, context: context)
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}
