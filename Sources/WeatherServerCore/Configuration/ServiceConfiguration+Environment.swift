import Foundation
import Logging
import WeatherCache
package import WeatherCore

extension ServiceConfiguration {
    /// Resolves the configuration from `environment`; unset or blank variables keep their defaults.
    ///
    /// - Throws: ``ConfigurationError`` naming the first variable whose value cannot be used.
    public init(environment: [String: String]) throws(ConfigurationError) {
        self.init()
        let reader = EnvironmentReader(environment)
        apiKey = try reader.secret("OPENWEATHER_API_KEY").map { APIKey($0) }
        switch try reader.switch("DEMO") {
        case true?: demoRequested = true
        case false?:
            // DEMO=0 (the container image's default): real weather or nothing.
            guard apiKey != nil else {
                throw ConfigurationError(
                    variable: "OPENWEATHER_API_KEY",
                    problem: "is not set (nor OPENWEATHER_API_KEY_FILE) and DEMO=0 forbids demo weather: set the key, or DEMO=1 to serve demo weather")
            }
        case nil: break
        }
        if let url = reader.string("OPENWEATHER_BASE_URL") {
            guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme ?? ""),
                let urlHost = components.host, !urlHost.isEmpty, components.query == nil, components.fragment == nil
            else {
                throw ConfigurationError(
                    variable: "OPENWEATHER_BASE_URL",
                    problem: "must be an http:// or https:// URL with a host and no query, like https://api.openweathermap.org")
            }
            baseURL = url
        }
        redis = try Self.redisConfiguration(reader)
        if let text = reader.string("HOST") {
            guard Self.isValidHost(text) else {
                throw ConfigurationError(
                    variable: "HOST", problem: "must be an IPv4 or IPv6 address or a host name (got \"\(text)\")")
            }
            host = text
        }
        port = try reader.integer("PORT", in: 0...65535) ?? port
        if let text = reader.string("LOG_LEVEL") {
            let level = text.lowercased() == "warn" ? "warning" : text.lowercased()
            guard let parsed = Logger.Level(rawValue: level) else {
                throw ConfigurationError(
                    variable: "LOG_LEVEL",
                    problem: "must be one of trace, debug, info, notice, warning, error, critical (got \"\(text)\")")
            }
            logLevel = parsed
        }
        if let text = reader.string("LOG_FORMAT") {
            guard let format = LogFormat(rawValue: text.lowercased()) else {
                throw ConfigurationError(variable: "LOG_FORMAT", problem: "must be text or json (got \"\(text)\")")
            }
            logFormat = format
        }
        shutdownTimeout = try reader.seconds("SHUTDOWN_TIMEOUT", in: 0...3600) ?? shutdownTimeout
        upstreamTimeout = try reader.seconds("UPSTREAM_TIMEOUT", in: 0.1...300) ?? upstreamTimeout
        idleTimeout = try reader.seconds("IDLE_TIMEOUT", in: 1...3600) ?? idleTimeout
        maxConnections = try reader.integer("MAX_CONNECTIONS", in: 1...10_000_000)
        for (variable, family) in [
            ("CACHE_TTL_CURRENT", EndpointFamily.current), ("CACHE_TTL_FORECAST", .forecast),
            ("CACHE_TTL_ONECALL", .oneCall), ("CACHE_TTL_AIR", .air), ("CACHE_TTL_GEO", .geocoding),
        ] {
            guard let ttl = try reader.seconds(variable, in: 1...(365 * 86400)) else { continue }
            var rule = cachePolicy.rule(for: family)
            rule.freshFor = ttl
            cachePolicy.rules[family] = rule
        }
        if let perMinute = try reader.integer("QUOTA_PER_MINUTE", in: 1...1_000_000) {
            quota.callsPerMinute = perMinute
        }
        if let perDay = try reader.integer("QUOTA_ONECALL_PER_DAY", in: 0...100_000_000) {
            quota.dailyBudget[.oneCall] = perDay
        }
        if let text = reader.string("ONECALL_VERSION") {
            guard let version = OneCallVersion(rawValue: text.lowercased()) else {
                throw ConfigurationError(
                    variable: "ONECALL_VERSION", problem: "must be auto, 3.0 or 4.0 (got \"\(text)\")")
            }
            oneCallVersion = version
        }
        quotaReplicas = try reader.integer("QUOTA_REPLICAS", in: 1...10_000) ?? quotaReplicas
        trackedPlaces = try Self.places(reader.string("TRACKED_PLACES"))
        trackerLeaseTTL = try reader.seconds("TRACKER_LEASE_TTL", in: 1...3600) ?? trackerLeaseTTL
        trackedQuotaShare = try reader.fraction("TRACKED_QUOTA_SHARE") ?? trackedQuotaShare
        nearCacheEntries = try reader.integer("NEAR_CACHE_ENTRIES", in: 0...10_000_000) ?? nearCacheEntries
        nearCacheBytes = try reader.integer("NEAR_CACHE_BYTES", in: 0...(1 << 40)) ?? nearCacheBytes
        if let text = reader.string("CONCURRENCY_EXECUTOR") {
            guard let choice = ConcurrencyExecutor(rawValue: text.lowercased()) else {
                throw ConfigurationError(
                    variable: "CONCURRENCY_EXECUTOR", problem: "must be event-loops or cooperative (got \"\(text)\")")
            }
            executor = choice
        }
        clientLimit.isEnabled = try reader.switch("CLIENT_LIMIT") ?? clientLimit.isEnabled
        clientLimit.ratePerSecond =
            try reader.number("CLIENT_LIMIT_RATE", in: 0.001...1_000_000) ?? clientLimit.ratePerSecond
        clientLimit.burst = try reader.integer("CLIENT_LIMIT_BURST", in: 1...1_000_000) ?? clientLimit.burst
        clientLimit.maxClients =
            try reader.integer("CLIENT_LIMIT_CLIENTS", in: 1...10_000_000) ?? clientLimit.maxClients
        clientLimit.trustedProxyHops =
            try reader.integer("TRUSTED_PROXY_HOPS", in: 0...16) ?? clientLimit.trustedProxyHops
    }

    /// `REDIS_URL` wins; otherwise `REDIS_HOST` (+ port, password, db) when set; otherwise none.
    ///
    /// The password may come from `REDIS_PASSWORD` or `REDIS_PASSWORD_FILE`, also with a URL that
    /// carries none; TLS files (`REDIS_TLS_*_FILE`) need a `rediss://` URL and must be readable now.
    private static func redisConfiguration(_ reader: EnvironmentReader) throws(ConfigurationError)
        -> RedisCacheStore.Configuration?
    {
        var configuration: RedisCacheStore.Configuration
        let password = try reader.secret("REDIS_PASSWORD")
        if let url = reader.string("REDIS_URL") {
            do {
                configuration = try RedisCacheStore.Configuration(url: url)
            } catch {
                // The store's message names what is wrong and never the password.
                throw ConfigurationError(variable: "REDIS_URL", problem: "\(error)")
            }
            if let password {
                guard configuration.password == nil else {
                    let fromFile = reader.string("REDIS_PASSWORD_FILE") != nil
                    let variable = fromFile ? "REDIS_PASSWORD_FILE" : "REDIS_PASSWORD"
                    throw ConfigurationError(
                        variable: variable, problem: "is set while REDIS_URL carries a password too: keep only one")
                }
                configuration.password = password
            }
        } else if let host = reader.string("REDIS_HOST") {
            configuration = RedisCacheStore.Configuration(host: host)
            configuration.port = try reader.integer("REDIS_PORT", in: 1...65535) ?? configuration.port
            configuration.password = password
            configuration.database = try reader.integer("REDIS_DB", in: 0...1_000_000) ?? 0
        } else {
            return nil
        }
        if let prefix = reader.string("REDIS_KEY_PREFIX") { configuration.keyPrefix = prefix }
        try Self.redisTLS(reader, into: &configuration)
        return configuration
    }

    /// `REDIS_TLS_CA_FILE`, `REDIS_TLS_CERT_FILE`, `REDIS_TLS_KEY_FILE`: checked readable at start.
    private static func redisTLS(_ reader: EnvironmentReader, into configuration: inout RedisCacheStore.Configuration)
        throws(ConfigurationError)
    {
        let names = ["REDIS_TLS_CA_FILE", "REDIS_TLS_CERT_FILE", "REDIS_TLS_KEY_FILE"]
        guard configuration.tls != nil else {
            if let name = names.first(where: { reader.string($0) != nil }) {
                throw ConfigurationError(
                    variable: name, problem: "is set but the Redis URL is not rediss://: use rediss:// for TLS")
            }
            return
        }
        configuration.tls?.caFile = try reader.readableFile("REDIS_TLS_CA_FILE")
        configuration.tls?.certificateFile = try reader.readableFile("REDIS_TLS_CERT_FILE")
        configuration.tls?.keyFile = try reader.readableFile("REDIS_TLS_KEY_FILE")
        if configuration.tls?.certificateFile != nil, configuration.tls?.keyFile == nil {
            throw ConfigurationError(
                variable: "REDIS_TLS_KEY_FILE",
                problem: "is not set but REDIS_TLS_CERT_FILE is: a client certificate needs its key")
        }
        if configuration.tls?.keyFile != nil, configuration.tls?.certificateFile == nil {
            throw ConfigurationError(
                variable: "REDIS_TLS_CERT_FILE",
                problem: "is not set but REDIS_TLS_KEY_FILE is: a client key needs its certificate")
        }
    }

    /// `London,GB;Zürich,CH;40.71,-74.01` → places, each parsed as the CLI parses PLACE.
    package static func places(_ text: String?) throws(ConfigurationError) -> [Place] {
        guard let text else { return [] }
        var places: [Place] = []
        for part in text.split(separator: ";") {
            let item = part.trimmingWhitespace()
            guard !item.isEmpty else { continue }
            do {
                let place = try Place(parsing: item)
                if !places.contains(place) { places.append(place) }
            } catch {
                throw ConfigurationError(variable: "TRACKED_PLACES", problem: "\"\(item)\": \(error.message)")
            }
        }
        return places
    }
}
