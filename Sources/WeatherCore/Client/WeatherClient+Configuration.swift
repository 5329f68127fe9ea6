extension WeatherClient {
    /// Everything tunable about a ``WeatherClient``; every default is documented on its type.
    public struct Configuration: Sendable {
        /// The OpenWeather API key, put only into upstream URLs (never into keys, logs or errors).
        public var apiKey: APIKey
        /// The upstream base URL: OpenWeather by default, a stub or proxy in tests.
        public var baseURL: String
        /// Lifetimes, jitter, stale windows, negative caching and key precision.
        public var cachePolicy: CachePolicy
        /// Backoff, attempts, deadline and 429 cooldowns.
        public var retry: RetryPolicy
        /// The upstream call budget.
        public var quota: QuotaPolicy
        /// How long a refresh lock (``CacheStore/refreshLock``) is held at most: longer than one refresh.
        public var refreshLockTTL: Duration
        /// How often a lookup that lost the refresh lock re-reads the store for the holder's result.
        public var refreshLockPolls: Int
        /// The wait between those reads.
        public var refreshLockPollInterval: Duration

        /// Creates a configuration (no API key by default: set one for OpenWeather); the lock defaults are a 15 s lock and 5 polls 200 ms apart.
        public init(
            apiKey: APIKey = APIKey(""), baseURL: String = OpenWeatherRequest.defaultBaseURL,
            cachePolicy: CachePolicy = CachePolicy(), retry: RetryPolicy = RetryPolicy(),
            quota: QuotaPolicy = QuotaPolicy(), refreshLockTTL: Duration = .seconds(15), refreshLockPolls: Int = 5,
            refreshLockPollInterval: Duration = .milliseconds(200)
        ) {
            self.apiKey = apiKey
            self.baseURL = baseURL
            self.cachePolicy = cachePolicy
            self.retry = retry
            self.quota = quota
            self.refreshLockTTL = refreshLockTTL
            self.refreshLockPolls = max(0, min(refreshLockPolls, 100))
            self.refreshLockPollInterval = refreshLockPollInterval
        }
    }
}
