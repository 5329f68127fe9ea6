public import Hummingbird
public import Logging
import NIOCore
public import ServiceLifecycle
public import Tracing
public import WeatherCache
public import WeatherCore
public import WeatherServerCore
import WeatherPages

/// The service, assembled and not yet running: its dependencies, its responder, its metrics and
/// the long-lived parts that run beside the HTTP server.
///
/// In Hummingbird's `buildApplication` spirit, building is kept apart from running:
/// ``build(configuration:logger:tracing:)`` makes every part from a ``WeatherServerCore/ServiceConfiguration``
/// (``ServiceRunner`` then runs them), while tests assemble the same routes around a client of
/// their own (a manual clock, a stub, no retries) with ``init(configuration:client:clock:metrics:logger:readinessChecks:observer:quotaFallback:redis:tracer:clientCallsPerMinute:services:)``,
/// and serve them in process or through ``application(onListening:)`` as production does.
public struct ServiceAssembly: Sendable {
    /// The configuration the parts were made from.
    public let configuration: ServiceConfiguration
    /// What the routes share: the client, the near-cache, what `/health` and `/ready` report.
    public let dependencies: ServiceDependencies
    /// The registry `/metrics` exposes.
    public let metrics: ServiceMetrics
    /// The fast path in front of the router: pass it to `Application(responder:)` to serve in process.
    public let responder: ServiceResponder
    /// The long-lived parts that run beside the HTTP server, first to start first (and last to stop):
    /// span export, the demo stub, curl, Redis, the background-refresh drain, the tracker.
    public let services: [any Service]
    /// The shared Redis, pinged once the server listens so a wrong setting is said at start.
    let redis: RedisCacheStore?

    /// Assembles the routes around `client`.
    ///
    /// - Parameters:
    ///   - configuration: mode, cache kind, tracked places, near-cache bounds, the client limit and
    ///     the server's address, idle timeout and connection cap.
    ///   - client: the client every lookup goes through.
    ///   - clock: the client's clock (the near-cache's and the `Age` headers').
    ///   - metrics: the registry `/metrics` exposes.
    ///   - logger: the service's logger: request lines, errors an operator must see.
    ///   - readinessChecks: what `/ready` checks, by name.
    ///   - observer: told of the lookups the near-cache answers, so metrics count every hit.
    ///   - quotaFallback: the shared quota with its local fallback, for its gauges.
    ///   - redis: the shared store, for `weather_redis_up` and the start-up check.
    ///   - tracer: records the service's spans; `nil` when tracing is off.
    ///   - clientCallsPerMinute: the clients' part of the per-minute budget; by default the
    ///     configuration's (`ServiceConfiguration.clientCallsPerMinute`).
    ///   - services: the long-lived parts that run beside the server, in start order.
    public init(
        configuration: ServiceConfiguration, client: WeatherClient, clock: any WeatherClock = SystemClock(),
        metrics: ServiceMetrics = ServiceMetrics(), logger: Logger,
        readinessChecks: [String: @Sendable () async throws -> Void] = [:],
        observer: (any WeatherClientObserver)? = nil, quotaFallback: FallbackQuotaStore? = nil,
        redis: RedisCacheStore? = nil, tracer: (any Tracer)? = nil, clientCallsPerMinute: Int? = nil,
        services: [any Service] = []
    ) {
        self.configuration = configuration
        self.metrics = metrics
        self.redis = redis
        self.services = services
        var redisHealthyConnections: (@Sendable () -> Int)?
        if let redis { redisHealthyConnections = { redis.healthyConnections } }
        dependencies = ServiceDependencies(
            client: client, clock: clock, cachePolicy: configuration.cachePolicy,
            mode: configuration.mode, cacheKind: configuration.cacheKind, readinessChecks: readinessChecks,
            logger: logger, trackedPlaces: configuration.trackedPlaces, observer: observer,
            redisHealthyConnections: redisHealthyConnections,
            nearCacheEntries: configuration.nearCacheEntries, nearCacheBytes: configuration.nearCacheBytes,
            quotaFallback: quotaFallback, clientLimit: configuration.clientLimit,
            clientCallsPerMinute: clientCallsPerMinute ?? configuration.clientCallsPerMinute, tracer: tracer)
        responder = ServiceRouter.make(dependencies: dependencies, metrics: metrics)
    }

    /// The HTTP server on the configured host and port: Hummingbird's HTTP/1.1 with the fast path on
    /// each connection's event loop, the idle timeout and the connection cap.
    ///
    /// - Parameter onListening: called with the bound port once the server accepts connections.
    public func application(
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        application(responder: responder, onListening: onListening)
    }

    /// ``application(onListening:)`` with `responder` answering what the fast path passes on (a
    /// test's wrapper around ``responder`` that counts the requests reaching Hummingbird, say).
    public func application<Responder: HTTPResponder>(
        responder: Responder, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol where Responder.Context == ServiceRequestContext {
        let logger = dependencies.logger
        let host = configuration.host
        let serverName = "weather-tracker"
        let startLine =
            "(\(configuration.mode.rawValue) mode, \(configuration.cacheKind.rawValue) cache, \(configuration.executor.rawValue) executor, version \(ServiceVersion.current))"
        let redis = self.redis
        return Application(
            responder: responder,
            server: ServiceHTTPServer.http1(
                configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout)), responder: self.responder,
                serverName: serverName, connectionCap: connectionCap()),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: serverName),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("listening on http://\(host):\(port) \(startLine)")
                // Say once, at start, why Redis cannot be used (a wrong password, say): afterwards
                // /ready reports it only as "unavailable" and lookups quietly go without it.
                if let redis {
                    do {
                        _ = try await redis.ping()
                    } catch {
                        logger.error(
                            "redis: not usable at start; serving from this process until it is",
                            metadata: ["error": .string("\(error)")])
                    }
                }
                await onListening(port)
            },
            logger: logger)
    }

    /// The cap on open connections: `ServiceConfiguration.maxConnections` when set and within what
    /// the open-files limit allows, else derived from that limit (``ConnectionLimit`` says why).
    /// Descriptors are what an idle-connection flood exhausts, so all the hard limit allows is taken first.
    private func connectionCap() -> ConnectionCap {
        let logger = dependencies.logger
        let fileLimit = ConnectionLimit.raiseFileLimit()
        let maxConnections = ConnectionLimit.effective(configured: configuration.maxConnections, fileLimit: fileLimit)
        if let configured = configuration.maxConnections, configured > maxConnections {
            logger.warning(
                "connections: MAX_CONNECTIONS=\(configured) leaves too few of the \(fileLimit) open files for the rest of the process; capped at \(maxConnections)"
            )
        }
        logger.info("connections: at most \(maxConnections) open at once (open-files limit \(fileLimit))")
        return ConnectionCap(limit: maxConnections, metrics: metrics)
    }
}
