import WeatherCache
import WeatherCore
import WeatherServer
import WeatherServerCore

/// Where the lookups go, where they are cached and what budget they spend, resolved from flags
/// and the environment exactly as `serve` reads them (``ServiceConfiguration``; a flag wins over
/// its variable). So a CLI lookup against the service's Redis uses its database, its key prefix
/// and its account-wide quota. Pure: the environment is passed in, so tests can vary it.
struct Settings {
    /// The API key, or `nil` in demo mode.
    var apiKey: APIKey?
    /// The upstream base URL, or `nil` in demo mode (the stub's URL is known only once it runs).
    var baseURL: String?
    /// The shared Redis cache (`REDIS_URL`, or `REDIS_HOST`, `REDIS_PORT`, `REDIS_PASSWORD`,
    /// `REDIS_DB`; `REDIS_KEY_PREFIX`); `nil` caches in this process only.
    var redis: RedisCacheStore.Configuration? { configuration.redis }
    /// The upstream budget (`QUOTA_PER_MINUTE`, `QUOTA_ONECALL_PER_DAY`), shared in Redis when it is configured.
    var quota: QuotaPolicy { configuration.quota }
    /// How many replicas share the key (`QUOTA_REPLICAS`): the local share while Redis is unreachable.
    var quotaReplicas: Int { configuration.quotaReplicas }
    /// Whether the built-in stub serves the lookups.
    var demo: Bool
    /// Why demo mode is on, for the one line on stderr.
    var demoReason: String?
    /// The configuration as `serve` reads it from the same environment and flags.
    let configuration: ServiceConfiguration

    /// Resolves the settings from `options` and `environment`.
    ///
    /// - Throws: ``ConfigurationError`` naming the first variable (or the flag's variable) whose value cannot be used.
    init(options: LookupOptions, environment: [String: String]) throws(ConfigurationError) {
        var merged = environment
        if let key = options.apiKey {
            // The flag wins over the variable, and so over the variable's file too.
            merged["OPENWEATHER_API_KEY"] = key
            merged["OPENWEATHER_API_KEY_FILE"] = nil
        }
        if let url = options.baseURL { merged["OPENWEATHER_BASE_URL"] = url }
        if let url = options.redisURL { merged["REDIS_URL"] = url }
        if options.demo { merged["DEMO"] = "1" }
        var configuration = try ServiceConfiguration(environment: merged)
        demo = configuration.isDemo
        if configuration.demoRequested {
            demoReason = "--demo"
        } else if configuration.isDemo {
            demoReason = "no API key (set OPENWEATHER_API_KEY or --api-key for real weather)"
        }
        apiKey = demo ? nil : configuration.apiKey
        baseURL = demo ? nil : configuration.baseURL
        // One lookup at a time: one connection is all a CLI run needs.
        configuration.redis?.poolSize = 1
        self.configuration = configuration
    }
}
