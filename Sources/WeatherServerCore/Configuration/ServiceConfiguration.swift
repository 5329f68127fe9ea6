public import Logging
public import WeatherCache
public import WeatherCore

/// Everything `weather-tracker serve` is configured with, resolved from the environment (and
/// flags, which the command line merges over the environment under the same variable names).
///
/// Build it with ``init(environment:)``, which validates every value and names the variable of
/// the first one it cannot use. Every field has the documented default; the defaults give a
/// service in demo mode on `0.0.0.0:8000` with an in-memory cache.
public struct ServiceConfiguration: Sendable {
    /// The OpenWeather API key (`OPENWEATHER_API_KEY`). Without one the service still starts, in
    /// demo mode against the embedded stub, but `/ready` answers 503 naming the missing key unless
    /// demo mode was asked for (``demoRequested``): a deployment whose secret failed to mount is
    /// never taken into rotation serving invented weather.
    public var apiKey: APIKey?
    /// Whether demo mode was asked for (`DEMO=1`, `serve --demo`): synthetic weather from the
    /// embedded stub even when a key is set, and `/ready` answers 200. `DEMO=0` (the container
    /// image's default) forbids demo mode: without a key the service refuses to start.
    public var demoRequested: Bool
    /// The upstream base URL (`OPENWEATHER_BASE_URL`); ignored in demo mode.
    public var baseURL: String
    /// The shared Redis (`REDIS_URL`, or `REDIS_HOST`/`REDIS_PORT`/`REDIS_PASSWORD`/`REDIS_DB`);
    /// `nil` keeps the cache in this process only.
    public var redis: RedisCacheStore.Configuration?
    /// The address to bind (`HOST`, default `0.0.0.0`).
    public var host: String
    /// The port to bind (`PORT`, default 8000; 0 picks a free one).
    public var port: Int
    /// The lowest level logged (`LOG_LEVEL`, default `info`: one line per request).
    public var logLevel: Logger.Level
    /// How log lines look (`LOG_FORMAT=text|json`).
    public var logFormat: LogFormat
    /// How long a graceful shutdown may take before the rest is cut off (`SHUTDOWN_TIMEOUT`, seconds, default 10).
    public var shutdownTimeout: Duration
    /// How long an upstream request may take, connection included (`UPSTREAM_TIMEOUT`, seconds, default 10).
    public var upstreamTimeout: Duration
    /// Freshness and stale windows (`CACHE_TTL_CURRENT`, `…_FORECAST`, `…_ONECALL`, `…_AIR`, `…_GEO`, seconds).
    public var cachePolicy: CachePolicy
    /// The upstream budget (`QUOTA_PER_MINUTE`, default 60; `QUOTA_ONECALL_PER_DAY`, default 1000).
    public var quota: QuotaPolicy
    /// Which One Call API answers One Call lookups (`ONECALL_VERSION`: `auto`, `3.0` or `4.0`; default
    /// `auto`, detected per key and remembered in the cache store).
    public var oneCallVersion: OneCallVersion
    /// How many replicas share the API key (`QUOTA_REPLICAS`, default 1). With Redis the quota is
    /// shared and this only matters while Redis is unreachable: each replica then spends at most
    /// ``quota`` divided by it, so the replicas together still stay within the account's budget.
    public var quotaReplicas: Int
    /// How long the tracked-places refresher's lease lives without renewal (`TRACKER_LEASE_TTL`,
    /// seconds, default 15): with Redis one replica tracks, and another takes over within about
    /// this long after it dies. The holder renews it every third of it.
    public var trackerLeaseTTL: Duration
    /// The places kept warm (`TRACKED_PLACES`, `;`-separated, each as the CLI's PLACE argument).
    public var trackedPlaces: [Place]
    /// The share of the per-minute quota the tracked-places refresher may spend (`TRACKED_QUOTA_SHARE`, 0–1, default 0.5).
    public var trackedQuotaShare: Double
    /// The most encoded response bodies kept in process (`NEAR_CACHE_ENTRIES`, default 4,096:
    /// a 1,000-place working set under both its keys, with room); without Redis it also bounds the memory cache.
    public var nearCacheEntries: Int
    /// The most bytes those bodies may hold together (`NEAR_CACHE_BYTES`, default 32 MiB).
    public var nearCacheBytes: Int
    /// How long an idle keep-alive connection stays open (`IDLE_TIMEOUT`, seconds, default 60).
    public var idleTimeout: Duration
    /// The most client connections open at once (`MAX_CONNECTIONS`); `nil` (the default) derives it
    /// at start from the open-files limit, leaving room for Redis, curl and the runtime
    /// (WeatherServer's `ConnectionLimit.derived(fromFileLimit:)`). A connection over it is accepted and closed at once.
    public var maxConnections: Int?
    /// Where Swift concurrency runs (`CONCURRENCY_EXECUTOR=event-loops|cooperative`, default `event-loops`);
    /// applied by WeatherServer's `ConcurrencyExecutor.install()` at process start, validated here.
    public var executor: ConcurrencyExecutor
    /// The per-client limit on lookups that go upstream (`CLIENT_LIMIT`, `CLIENT_LIMIT_RATE`,
    /// `CLIENT_LIMIT_BURST`, `CLIENT_LIMIT_CLIENTS`, `TRUSTED_PROXY_HOPS`); on by default.
    public var clientLimit: ClientLimit

    /// Whether the service runs against the embedded stub: asked for, or no API key.
    public var isDemo: Bool { demoRequested || apiKey == nil }

    /// ``ServiceMode/demo`` when ``isDemo``, else ``ServiceMode/live``.
    public var mode: ServiceMode { isDemo ? .demo : .live }

    /// ``CacheKind/redis`` when Redis is configured, else ``CacheKind/memory``.
    public var cacheKind: CacheKind { redis == nil ? .memory : .redis }

    /// Demo mode that nobody asked for: the API key is missing. The service answers, but is not ready.
    public var isDemoForLackOfKey: Bool { apiKey == nil && !demoRequested }

    /// The defaults: demo mode, memory cache, `0.0.0.0:8000`.
    public init() {
        apiKey = nil
        demoRequested = false
        baseURL = OpenWeatherRequest.defaultBaseURL
        redis = nil
        host = "0.0.0.0"
        port = 8000
        logLevel = .info
        logFormat = .text
        shutdownTimeout = .seconds(10)
        upstreamTimeout = .seconds(10)
        cachePolicy = CachePolicy()
        quota = QuotaPolicy(callsPerMinute: 60, dailyBudget: [.oneCall: 1_000])
        oneCallVersion = .automatic
        quotaReplicas = 1
        trackerLeaseTTL = .seconds(15)
        trackedPlaces = []
        trackedQuotaShare = 0.5
        nearCacheEntries = 4_096
        nearCacheBytes = 32 * 1024 * 1024
        idleTimeout = .seconds(60)
        maxConnections = nil
        executor = .eventLoops
        clientLimit = ClientLimit()
    }
}

extension ServiceConfiguration {
    /// The most upstream calls a minute this replica makes for clients when places are tracked:
    /// the budget less the tracker's share (``trackedQuotaShare``), divided among ``quotaReplicas``,
    /// so a flood of client lookups cannot starve the tracker. `nil` when nothing is tracked.
    public var clientCallsPerMinute: Int? {
        guard !trackedPlaces.isEmpty, let perMinute = quota.callsPerMinute else { return nil }
        return max(1, Int((Double(perMinute) * (1 - trackedQuotaShare)) / Double(quotaReplicas)))
    }
}
