import Foundation
import Hummingbird
public import Logging
import NIOCore
import OpenWeatherStub
import ServiceLifecycle
import Tracing
import UnixSignals
import WeatherCache
import WeatherCore
import WeatherHTTP

/// Runs `weather-tracker serve`: builds every long-lived part from a ``ServiceConfiguration`` and
/// runs them in one `ServiceGroup` until SIGTERM or SIGINT.
///
/// Start order (shutdown runs in reverse): the embedded stub (demo mode), curl, Redis, the
/// background-refresh drain, the tracked-places refresher, and last the HTTP server — so on a
/// signal the server stops accepting and finishes its in-flight requests first, then the tracker
/// stops, background refreshes drain, and Redis, curl and the stub close. The whole shutdown is
/// bounded by ``ServiceConfiguration/shutdownTimeout``.
public struct ServiceRunner: Sendable {
    /// The configuration to run with.
    public let configuration: ServiceConfiguration
    /// The service's logger.
    public let logger: Logger
    /// The tracer and its exporting service when spans are exported; `nil` (the default) when tracing is off.
    public let tracing: TracingBackend?

    /// A runner for `configuration`, with spans recorded by `tracing` when one is given.
    public init(configuration: ServiceConfiguration, logger: Logger, tracing: TracingBackend? = nil) {
        self.configuration = configuration
        self.logger = logger
        self.tracing = tracing
    }

    /// Runs until a termination signal; returns after a graceful shutdown.
    ///
    /// - Parameter onListening: called with the bound port once the server accepts connections.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var services: [any Service] = []
        let metrics = ServiceMetrics()
        var apiKey = configuration.apiKey ?? APIKey("")
        var baseURL = configuration.baseURL
        var readiness: [String: @Sendable () async throws -> Void] = [:]
        // First in, last out: spans of the requests finished during shutdown are still exported.
        let tracer = tracing?.tracer
        if let tracing {
            services.append(contentsOf: tracing.services)
            logger.info("tracing: on, spans exported over OTLP/HTTP (OTEL_* variables)")
        }
        if configuration.isDemo {
            let stub = try await OpenWeatherStub.start(configuration: .init())
            apiKey = APIKey(OpenWeatherStub.Configuration.defaultAPIKey)
            baseURL = stub.baseURL
            if configuration.isDemoForLackOfKey {
                logger.warning(
                    "DEMO MODE: no OPENWEATHER_API_KEY is set, so every answer is synthetic weather from the embedded OpenWeather stub at \(stub.baseURL), marked \"mode\": \"demo\", and /ready answers 503 so no load balancer sends real users here. Set OPENWEATHER_API_KEY (or OPENWEATHER_API_KEY_FILE) for real weather, or DEMO=1 to run a demo on purpose."
                )
                readiness["openweather_api_key"] = { throw ReadinessFailure.missingAPIKey }
            } else {
                logger.warning(
                    "DEMO MODE (DEMO=1 or --demo): every answer is synthetic weather from the embedded OpenWeather stub at \(stub.baseURL), marked \"mode\": \"demo\" and sent with Cache-Control: no-store."
                )
            }
            services.append(stub)
        }
        let transport = CurlTransport(
            configuration: .init(
                connectTimeout: min(.seconds(5), configuration.upstreamTimeout), timeout: configuration.upstreamTimeout)
        )
        services.append(transport)

        let cache: any CacheStore
        var sharedRedis: RedisCacheStore?
        var redisConnections: (@Sendable () -> Int)?
        if var redisConfiguration = configuration.redis {
            // Demo data must never be served as real weather from a shared cache.
            if configuration.isDemo { redisConfiguration.keyPrefix = "weather-demo:" }
            let redis = RedisCacheStore(configuration: redisConfiguration)
            sharedRedis = redis
            // The front only spares Redis round trips within its 2 s TTL (the near-cache holds the
            // encoded answers), so its default 1,000 entries cover it; more would only hold expired ones.
            // With tracing on, each round trip to Redis is a client span.
            cache = TieredCacheStore(back: tracer == nil ? redis as any CacheStore : TracedCacheStore(base: redis))
            readiness["redis"] = { try await RedisReadiness.check(redis) }
            redisConnections = { redis.healthyConnections }
            services.append(redis)
            logger.info("cache: redis at \(redisConfiguration) with an in-process front")
        } else {
            cache = MemoryCacheStore(maxEntries: configuration.nearCacheEntries, maxBytes: configuration.nearCacheBytes)
            logger.info("cache: in this process only (set REDIS_URL to share it between replicas)")
        }

        let observer = MetricsObserver(metrics: metrics)
        // One budget per API key for every replica; a divided local one while Redis is away.
        let quota = configuration.quotaStore(
            sharedIn: sharedRedis, apiKey: apiKey,
            observer: QuotaFallbackLogger(
                base: observer, logger: logger,
                localPerMinute: configuration.quota.divided(among: configuration.quotaReplicas).callsPerMinute))
        let fallbackQuota = quota as? FallbackQuotaStore
        if fallbackQuota != nil {
            logger.info(
                "quota: shared in Redis by every replica holding this API key; \(configuration.quotaReplicas) replica(s) divide it while Redis is unreachable"
            )
        }
        let client = WeatherClient(
            transport: TimedTransport(base: transport, metrics: metrics), cache: cache,
            configuration: .init(
                apiKey: apiKey, baseURL: baseURL, cachePolicy: configuration.cachePolicy, quota: configuration.quota,
                oneCallVersion: configuration.oneCallVersion),
            observer: OneCallVersionLogger(base: observer, logger: logger), quota: quota,
            refreshExecutor: sharedRedis?.connectionExecutor())
        services.append(ShutdownService("background-refreshes") { await client.drainBackgroundRefreshes() })

        let dependencies = ServiceDependencies(
            client: client, clock: SystemClock(), cachePolicy: configuration.cachePolicy,
            mode: configuration.mode, cacheKind: configuration.cacheKind,
            readinessChecks: readiness, logger: logger, trackedPlaces: configuration.trackedPlaces, observer: observer,
            redisHealthyConnections: redisConnections, nearCacheEntries: configuration.nearCacheEntries,
            nearCacheBytes: configuration.nearCacheBytes, quotaFallback: fallbackQuota,
            clientLimit: configuration.clientLimit, clientCallsPerMinute: configuration.clientCallsPerMinute,
            tracer: tracer)
        if !configuration.trackedPlaces.isEmpty {
            let refresher = TrackedPlacesRefresher(
                client: client, places: configuration.trackedPlaces, cachePolicy: configuration.cachePolicy,
                quota: configuration.quota, share: configuration.trackedQuotaShare, logger: logger, metrics: metrics)
            if let redis = sharedRedis {
                // One replica tracks: the holder of the lease in Redis.
                services.append(
                    TrackerLeadership(
                        lease: RedisLease(store: redis, name: "tracker"), holder: TrackerLeadership.processHolder(),
                        ttl: configuration.trackerLeaseTTL, logger: logger, metrics: metrics,
                        work: { try await refresher.track() }))
            } else {
                services.append(refresher)
            }
        }

        let host = configuration.host
        let executor = configuration.executor.rawValue
        let logger = logger
        if configuration.clientLimit.isEnabled {
            let limit = configuration.clientLimit
            logger.info(
                "client limit: \(limit.burst) uncached lookups at once, then \(limit.ratePerSecond)/s per client (\(limit.trustedProxyHops) trusted proxy hops)"
            )
        } else {
            logger.warning("client limit: off (CLIENT_LIMIT=off): one client can spend the whole upstream budget")
        }
        // Descriptors are what an idle-connection flood exhausts: take all the hard limit allows,
        // and cap connections below it (ConnectionLimit says why).
        let fileLimit = ConnectionLimit.raiseFileLimit()
        let maxConnections = ConnectionLimit.effective(configured: configuration.maxConnections, fileLimit: fileLimit)
        if let configured = configuration.maxConnections, configured > maxConnections {
            logger.warning(
                "connections: MAX_CONNECTIONS=\(configured) leaves too few of the \(fileLimit) open files for the rest of the process; capped at \(maxConnections)"
            )
        }
        logger.info("connections: at most \(maxConnections) open at once (open-files limit \(fileLimit))")
        let connectionCap = ConnectionCap(limit: maxConnections, metrics: metrics)
        let responder = ServiceRouter.make(dependencies: dependencies, metrics: metrics)
        let serverName = "weather-tracker"
        let redisAtStart = sharedRedis
        let application = Application(
            responder: responder,
            server: ServiceHTTPServer.http1(
                configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout)), responder: responder,
                serverName: serverName, connectionCap: connectionCap),
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: serverName),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info(
                    "listening on http://\(host):\(port) (\(dependencies.mode.rawValue) mode, \(dependencies.cacheKind.rawValue) cache, \(executor) executor, version \(ServiceVersion.current))"
                )
                // Say once, at start, why Redis cannot be used (a wrong password, say): afterwards
                // /ready reports it only as "unavailable" and lookups quietly go without it.
                if let redis = redisAtStart {
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
        services.append(application)

        var groupConfiguration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownTimeout
        let group = ServiceGroup(configuration: groupConfiguration)
        try await group.run()
        logger.info("shut down cleanly")
    }
}
