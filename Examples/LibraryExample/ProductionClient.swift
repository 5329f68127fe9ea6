import Foundation
import WeatherCache
import WeatherCore
import WeatherHTTP

/// The production wiring docs/library.md shows: libcurl to OpenWeather, Redis behind a small
/// in-process cache, the account-wide quota in Redis, the key from the environment, for the time
/// `body` runs. Compiled with the example, so it cannot rot.
func withProductionClient<T>(_ body: (WeatherClient) async throws -> T) async throws -> T {
    let environment = ProcessInfo.processInfo.environment
    let redisConfiguration = try RedisCacheStore.Configuration(
        url: environment["REDIS_URL"] ?? "redis://127.0.0.1:6379/0")
    let apiKey = APIKey(environment["OPENWEATHER_API_KEY"] ?? "")
    let redis = RedisCacheStore(configuration: redisConfiguration)
    let transport = CurlTransport(configuration: .init())
    // One budget for every replica holding the key; a third of it each while Redis is away.
    let budget = QuotaPolicy(callsPerMinute: 60, dailyBudget: [.oneCall: 1_000])
    let quota = FallbackQuotaStore(
        shared: RedisQuotaStore(store: redis, apiKey: apiKey, policy: budget), policy: budget, replicas: 3)
    let client = WeatherClient(
        transport: transport,
        cache: TieredCacheStore(back: redis),
        configuration: .init(apiKey: apiKey, quota: budget),
        quota: quota
    )
    // The transport and the store own threads and connections: shut them down when done
    // (a service runs them in its ServiceGroup instead, as WeatherServer does).
    let result: Result<T, any Error>
    do { result = .success(try await body(client)) } catch { result = .failure(error) }
    await client.drainBackgroundRefreshes()
    await transport.shutdown()
    await redis.shutdown()
    return try result.get()
}

/// One lookup: the model, with its cache status and age.
func printCurrentWeather(in place: String, using client: WeatherClient) async throws {
    let result = try await client.current(for: Place(parsing: place))
    let weather = result.value
    print(weather.name, weather.main.temperature.formatted(in: .celsius), result.cacheStatus, result.age)
}
