public import Logging
import OpenWeatherStub
import ServiceLifecycle
import WeatherCache
import WeatherCore
import WeatherHTTP
public import WeatherServerCore
import WeatherPages

extension ServiceAssembly {
    /// Makes every part of `weather-tracker serve` from `configuration`: the upstream (OpenWeather,
    /// or the embedded stub in demo mode), curl, the cache (Redis behind an in-process front, or
    /// memory), the quota, the client, the tracked-places refresher and the routes. Nothing runs
    /// yet: ``ServiceRunner`` runs ``services`` and ``application(onListening:)`` in one group.
    ///
    /// - Parameters:
    ///   - configuration: every setting of the service.
    ///   - logger: the service's logger, for the start-up lines and everything after.
    ///   - tracing: the tracer and its exporting services when spans are exported; `nil`
    ///     (the default) when tracing is off.
    public static func build(
        configuration: ServiceConfiguration, logger: Logger, tracing: TracingBackend? = nil
    ) async throws -> ServiceAssembly {
        // First in, last out: spans of the requests finished during shutdown are still exported.
        var services: [any Service] = tracing?.services ?? []
        if tracing != nil { logger.info("tracing: on, spans exported over OTLP/HTTP (OTEL_* variables)") }
        let tracer = tracing?.tracer
        let backends = try await WeatherBackends.start(configuration, tracer: tracer)
        var readiness: [String: @Sendable () async throws -> Void] = [:]
        if let stub = backends.stub { logDemoMode(configuration, stubURL: stub.baseURL, logger: logger) }
        if configuration.isDemoForLackOfKey {
            readiness["openweather_api_key"] = { throw ReadinessFailure.missingAPIKey }
        }
        if let stub = backends.stub { services.append(stub) }
        let transport = CurlTransport(
            configuration: .init(
                connectTimeout: min(.seconds(5), configuration.upstreamTimeout), timeout: configuration.upstreamTimeout)
        )
        services.append(transport)
        if let redis = backends.redis {
            readiness["redis"] = { try await RedisReadiness.check(redis) }
            services.append(redis)
            logger.info("cache: redis at \(redis.configuration) with an in-process front")
        } else {
            logger.info("cache: in this process only (set REDIS_URL to share it between replicas)")
        }

        let metrics = ServiceMetrics()
        let observer = MetricsObserver(metrics: metrics)
        // One budget per API key for every replica; a divided local one while Redis is away.
        let quota = configuration.quotaStore(
            sharedIn: backends.redis, apiKey: backends.apiKey,
            observer: QuotaFallbackLogger(
                base: observer, logger: logger,
                localPerMinute: configuration.quota.divided(among: configuration.quotaReplicas).callsPerMinute),
            traced: tracer != nil)
        let fallbackQuota = quota as? FallbackQuotaStore
        if fallbackQuota != nil {
            logger.info(
                "quota: shared in Redis by every replica holding this API key; \(configuration.quotaReplicas) replica(s) divide it while Redis is unreachable"
            )
        }
        let client = WeatherClient(
            transport: TimedTransport(base: transport, metrics: metrics), cache: backends.cache,
            configuration: .init(
                apiKey: backends.apiKey, baseURL: backends.baseURL, cachePolicy: configuration.cachePolicy,
                quota: configuration.quota, oneCallVersion: configuration.oneCallVersion),
            observer: OneCallVersionLogger(base: observer, logger: logger), quota: quota,
            refreshExecutor: backends.redis?.connectionExecutor())
        services.append(ShutdownService("background-refreshes") { await client.drainBackgroundRefreshes() })
        if let tracker = tracker(configuration, client: client, redis: backends.redis, logger: logger, metrics: metrics) {
            services.append(tracker)
        }
        logClientLimit(configuration.clientLimit, logger: logger)
        return ServiceAssembly(
            configuration: configuration, client: client, metrics: metrics, logger: logger,
            readinessChecks: readiness, observer: observer, quotaFallback: fallbackQuota, redis: backends.redis,
            tracer: tracer, services: services)
    }

    /// The tracked-places refresher when places are tracked: with Redis, run by the one replica that
    /// holds the tracker's lease; without, run here.
    private static func tracker(
        _ configuration: ServiceConfiguration, client: WeatherClient, redis: RedisCacheStore?, logger: Logger,
        metrics: ServiceMetrics
    ) -> (any Service)? {
        guard !configuration.trackedPlaces.isEmpty else { return nil }
        let refresher = TrackedPlacesRefresher(
            client: client, places: configuration.trackedPlaces, cachePolicy: configuration.cachePolicy,
            quota: configuration.quota, share: configuration.trackedQuotaShare, logger: logger, metrics: metrics)
        guard let redis else { return refresher }
        return TrackerLeadership(
            lease: RedisLease(store: redis, name: "tracker"), holder: TrackerLeadership.processHolder(),
            ttl: configuration.trackerLeaseTTL, logger: logger, metrics: metrics,
            work: { try await refresher.track() })
    }

    /// Says loudly that the weather is synthetic, and why.
    private static func logDemoMode(_ configuration: ServiceConfiguration, stubURL: String, logger: Logger) {
        if configuration.isDemoForLackOfKey {
            logger.warning(
                "DEMO MODE: no OPENWEATHER_API_KEY is set, so every answer is synthetic weather from the embedded OpenWeather stub at \(stubURL), marked \"mode\": \"demo\", and /ready answers 503 so no load balancer sends real users here. Set OPENWEATHER_API_KEY (or OPENWEATHER_API_KEY_FILE) for real weather, or DEMO=1 to run a demo on purpose."
            )
        } else {
            logger.warning(
                "DEMO MODE (DEMO=1 or --demo): every answer is synthetic weather from the embedded OpenWeather stub at \(stubURL), marked \"mode\": \"demo\" and sent with Cache-Control: no-store."
            )
        }
    }

    private static func logClientLimit(_ limit: ClientLimit, logger: Logger) {
        if limit.isEnabled {
            logger.info(
                "client limit: \(limit.burst) uncached lookups at once, then \(limit.ratePerSecond)/s per client (\(limit.trustedProxyHops) trusted proxy hops)"
            )
        } else {
            logger.warning("client limit: off (CLIENT_LIMIT=off): one client can spend the whole upstream budget")
        }
    }
}
