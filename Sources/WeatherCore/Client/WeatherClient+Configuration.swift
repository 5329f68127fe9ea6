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
        /// Which One Call API to use: detected per key by default (``OneCallVersion/automatic``).
        public var oneCallVersion: OneCallVersion
        /// The shortest lifetime of a refresh lock (``CacheStore/refreshLock``); see ``refreshLockLifetime``.
        public var refreshLockTTL: Duration
        /// How much longer than a refresh's deadline its lock lives: time for the final cache write.
        public var refreshLockMargin: Duration
        /// How often a lookup that lost the refresh lock re-reads the store for the holder's result.
        public var refreshLockPolls: Int
        /// The wait between those reads.
        public var refreshLockPollInterval: Duration

        /// Creates a configuration (no API key by default: set one for OpenWeather). The lock defaults:
        /// it lives the retry deadline plus 2 s (12 s), and a lookup that lost it polls 5 times 200 ms apart.
        public init(
            apiKey: APIKey = APIKey(""), baseURL: String = OpenWeatherRequest.defaultBaseURL,
            cachePolicy: CachePolicy = CachePolicy(), retry: RetryPolicy = RetryPolicy(),
            quota: QuotaPolicy = QuotaPolicy(), refreshLockTTL: Duration = .zero, refreshLockPolls: Int = 5,
            refreshLockPollInterval: Duration = .milliseconds(200), refreshLockMargin: Duration = .seconds(2),
            oneCallVersion: OneCallVersion = .automatic
        ) {
            self.oneCallVersion = oneCallVersion
            self.refreshLockMargin = max(refreshLockMargin, .zero)
            self.apiKey = apiKey
            self.baseURL = baseURL
            self.cachePolicy = cachePolicy
            self.retry = retry
            self.quota = quota
            self.refreshLockTTL = refreshLockTTL
            self.refreshLockPolls = max(0, min(refreshLockPolls, 100))
            self.refreshLockPollInterval = refreshLockPollInterval
        }

        /// How long a refresh lock lives: the refresh's whole deadline (every attempt is bounded by
        /// it) plus ``refreshLockMargin``, or ``refreshLockTTL`` when that is longer — so the lock
        /// cannot expire while its holder is still refreshing.
        public var refreshLockLifetime: Duration { max(refreshLockTTL, retry.deadline + refreshLockMargin) }
    }
}
