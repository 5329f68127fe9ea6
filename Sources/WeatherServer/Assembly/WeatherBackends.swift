public import OpenWeatherStub
public import Tracing
public import WeatherCache
public import WeatherCore
public import WeatherServerCore
import WeatherPages

/// Where lookups go and where their answers are kept, as a ``WeatherServerCore/ServiceConfiguration`` says:
/// OpenWeather with the configured key or, in demo mode, the embedded stub started here; Redis
/// behind an in-process front, or this process's memory only.
///
/// `weather-tracker serve` (through ``ServiceAssembly``) and the command line's lookups both start
/// from it, so demo mode and the cache mean the same in each.
public struct WeatherBackends: Sendable {
    /// The key lookups are made with: the configured one, or the stub's in demo mode.
    public let apiKey: APIKey
    /// Where lookups go: the configured base URL, or the stub's in demo mode.
    public let baseURL: String
    /// The embedded stub answering in demo mode; `nil` otherwise.
    public let stub: OpenWeatherStub?
    /// The shared store when Redis is configured; `nil` when the cache is in this process only.
    public let redis: RedisCacheStore?
    /// The client's cache: Redis behind an in-process front, or memory alone.
    public let cache: any CacheStore

    /// Starts the stub in demo mode and sets up the cache; nothing else starts here (Redis connects
    /// on first use).
    ///
    /// Demo data must never be served as real weather from a shared cache: in demo mode Redis keys
    /// live under their own prefix (`weather-demo:`).
    ///
    /// - Parameters:
    ///   - configuration: the key, the base URL, demo mode, Redis and the near-cache bounds.
    ///   - tracer: when given, each round trip to Redis is a client span.
    public static func start(
        _ configuration: ServiceConfiguration, tracer: (any Tracer)? = nil
    ) async throws -> WeatherBackends {
        var apiKey = configuration.apiKey ?? APIKey("")
        var baseURL = configuration.baseURL
        var stub: OpenWeatherStub?
        if configuration.isDemo {
            let started = try await OpenWeatherStub.start(configuration: .init())
            stub = started
            apiKey = APIKey(OpenWeatherStub.Configuration.defaultAPIKey)
            baseURL = started.baseURL
        }
        guard var redisConfiguration = configuration.redis else {
            let memory = MemoryCacheStore(
                maxEntries: configuration.nearCacheEntries, maxBytes: configuration.nearCacheBytes)
            return WeatherBackends(apiKey: apiKey, baseURL: baseURL, stub: stub, redis: nil, cache: memory)
        }
        if configuration.isDemo { redisConfiguration.keyPrefix = "weather-demo:" }
        let redis = RedisCacheStore(configuration: redisConfiguration)
        // The front only spares Redis round trips within its 2 s TTL (the service's near-cache holds
        // the encoded answers), so its default 1,000 entries cover it; more would only hold expired ones.
        let back: any CacheStore = tracer == nil ? redis : TracedCacheStore(base: redis)
        return WeatherBackends(
            apiKey: apiKey, baseURL: baseURL, stub: stub, redis: redis, cache: TieredCacheStore(back: back))
    }

    /// Closes what ``start(_:tracer:)`` opened, when they were not run in a `ServiceGroup`.
    public func shutdown() async {
        await redis?.shutdown()
        try? await stub?.shutdown()
    }
}
