import WeatherCore

/// Where the lookups go and where they are cached, resolved from flags and the environment
/// (a flag wins over its variable). Pure: the environment is passed in, so tests can vary it.
struct Settings: Equatable {
    /// Where the cache lives.
    enum Cache: Equatable {
        /// In this process only.
        case memory
        /// A Redis URL (`redis://…`), possibly built from `REDIS_HOST`/`REDIS_PORT`/`REDIS_PASSWORD`.
        case redis(url: String)
    }

    /// The API key, or `nil` in demo mode.
    var apiKey: String?
    /// The upstream base URL, or `nil` in demo mode (the stub's URL is known only once it runs).
    var baseURL: String?
    /// The cache.
    var cache: Cache
    /// Whether the built-in stub serves the lookups.
    var demo: Bool
    /// Why demo mode is on, for the one line on stderr.
    var demoReason: String?

    /// Resolves the settings from `options` and `environment`.
    init(options: LookupOptions, environment: [String: String]) {
        func value(_ flag: String?, _ variable: String) -> String? {
            let text = flag ?? environment[variable]
            return text.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
        }
        let key = value(options.apiKey, "OPENWEATHER_API_KEY")
        if options.demo {
            demo = true
            demoReason = "--demo"
        } else if key == nil {
            demo = true
            demoReason = "no API key (set OPENWEATHER_API_KEY or --api-key for real weather)"
        } else {
            demo = false
        }
        apiKey = demo ? nil : key
        baseURL = demo ? nil : (value(options.baseURL, "OPENWEATHER_BASE_URL") ?? OpenWeatherRequest.defaultBaseURL)
        if let url = value(options.redisURL, "REDIS_URL") {
            cache = .redis(url: url)
        } else if let host = value(nil, "REDIS_HOST") {
            let port = value(nil, "REDIS_PORT") ?? "6379"
            let password = value(nil, "REDIS_PASSWORD").map { ":" + PercentEncoding.encode($0) + "@" } ?? ""
            let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
            cache = .redis(url: "redis://\(password)\(bracketed):\(port)/0")
        } else {
            cache = .memory
        }
    }
}
