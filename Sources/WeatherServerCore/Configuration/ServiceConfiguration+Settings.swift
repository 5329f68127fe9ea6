extension ServiceConfiguration {
    /// Every setting ``init(environment:)`` reads, once each, in documentation order: the one
    /// description behind `weather-tracker serve --help`, docs/configuration.md and the README's table
    /// (`ConfigurationDocumentationTests` keeps both files equal to it).
    public static let settings: [ServiceSetting] = [
        ServiceSetting(
            ["OPENWEATHER_API_KEY", "OPENWEATHER_API_KEY_FILE"],
            "the key, or a file holding it (a Docker or Kubernetes secret; the trailing newline is trimmed; setting "
                + "both is exit 2); without it, demo mode with `/ready` at 503",
            essential: true),
        ServiceSetting(
            ["DEMO"], flags: ["DEMO": "--demo"],
            "`1`: demo weather on purpose (`/ready` 200), even with a key; `0` (the container image's default): no "
                + "demo, so no key is exit 2"),
        ServiceSetting(
            ["OPENWEATHER_BASE_URL"], default: "`https://api.openweathermap.org`",
            "upstream (a proxy, or a stub): an `http://` or `https://` URL with a host and no query"),
        ServiceSetting(
            ["REDIS_URL"], flags: ["REDIS_URL": "--redis-url"],
            "the cache, quota and tracker every replica shares: `redis://[user:password@]host:port/db`, or "
                + "`rediss://…` for TLS (managed Redis: ElastiCache in-transit encryption, Azure Cache, Upstash, "
                + "Redis Cloud); without it, memory only",
            essential: true),
        ServiceSetting(
            ["REDIS_HOST", "REDIS_PORT", "REDIS_DB"], default: "—, 6379, 0",
            "Redis by its parts instead of `REDIS_URL` (which wins when both are set)"),
        ServiceSetting(
            ["REDIS_PASSWORD", "REDIS_PASSWORD_FILE"],
            "the Redis password, or a file holding it, for `REDIS_HOST` or a `REDIS_URL` without one; setting both, "
                + "or a password in `REDIS_URL` too, is exit 2"),
        ServiceSetting(
            ["REDIS_TLS_CA_FILE"], default: "the system's CAs",
            "with `rediss://`: PEM file of the CAs that signed the server's certificate (the certificate is always "
                + "verified, and its name checked against the URL's host, also sent as SNI)"),
        ServiceSetting(
            ["REDIS_TLS_CERT_FILE", "REDIS_TLS_KEY_FILE"],
            "with `rediss://`: a client certificate and its key (PEM, no passphrase) for servers that ask for one; "
                + "files are checked readable at start (exit 2 naming the variable) and read again at each reconnect"),
        ServiceSetting(
            ["REDIS_KEY_PREFIX"], default: "`weather:`", "prefix of every Redis key (`weather-demo:` in demo mode)"),
        ServiceSetting(["HOST"], flags: ["HOST": "--host"], default: "`0.0.0.0`", "the address to listen on"),
        ServiceSetting(["PORT"], flags: ["PORT": "--port"], default: "`8000`", "the port to listen on (`0` picks a free one)"),
        ServiceSetting(
            ["LOG_LEVEL"], flags: ["LOG_LEVEL": "--log-level"], default: "`info`",
            "`trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`"),
        ServiceSetting(
            ["LOG_FORMAT"], flags: ["LOG_FORMAT": "--log-format"], default: "`text`",
            "`text`, or `json` for one JSON object per line"),
        ServiceSetting(
            ["SHUTDOWN_TIMEOUT"], flags: ["SHUTDOWN_TIMEOUT": "--shutdown-timeout"], default: "10 s",
            "the most a graceful shutdown may take"),
        ServiceSetting(["UPSTREAM_TIMEOUT"], default: "10 s", "one upstream request, connection included"),
        ServiceSetting(
            ["CACHE_TTL_CURRENT", "CACHE_TTL_FORECAST", "CACHE_TTL_ONECALL", "CACHE_TTL_AIR", "CACHE_TTL_GEO"],
            default: "600, 1800, 600, 3600, 2592000 s", "freshness per endpoint family"),
        ServiceSetting(
            ["QUOTA_PER_MINUTE", "QUOTA_ONECALL_PER_DAY"], default: "60, 1000",
            "the account's upstream budget (OpenWeather's free plan), shared by every replica through Redis",
            essential: true),
        ServiceSetting(
            ["QUOTA_REPLICAS"], flags: ["QUOTA_REPLICAS": "--quota-replicas"], default: "1",
            "the number of replicas holding the key: each spends 1/N of the budget while Redis is unreachable "
                + "([scaling](scaling.md))",
            essential: true),
        ServiceSetting(
            ["ONECALL_VERSION"], default: "`auto`",
            "`auto` detects whether the key has One Call 3.0 or 4.0 (remembered per key in Redis), or `3.0`/`4.0` "
                + "([onecall.md](onecall.md))"),
        ServiceSetting(
            ["TRACKED_PLACES"], flags: ["TRACKED_PLACES": "--tracked-places"],
            "places kept warm, `;`-separated, e.g. `London,GB;Zürich,CH;40.71,-74.01`"),
        ServiceSetting(
            ["TRACKED_QUOTA_SHARE"], default: "0.5", "the tracked places' share of the per-minute budget"),
        ServiceSetting(
            ["TRACKER_LEASE_TTL"], default: "15 s",
            "the tracker's lease in Redis: one replica tracks, another takes over within it"),
        ServiceSetting(
            ["NEAR_CACHE_ENTRIES", "NEAR_CACHE_BYTES"], default: "4096, 32 MiB",
            "bounds of the encoded-body near-cache (and, without Redis, of the memory cache)"),
        ServiceSetting(
            ["IDLE_TIMEOUT"], default: "60 s",
            "idle keep-alive connections are closed after it; a request's head must also arrive within it"),
        ServiceSetting(
            ["MAX_CONNECTIONS"], default: "open-files limit − headroom",
            "client connections open at once; one more is accepted and closed at once "
                + "(`http_connections_refused_total`). The default is the open-files limit (raised to its hard "
                + "limit at start) less 128 and a 16th, kept for Redis, curl and the runtime; a larger value is "
                + "lowered to it"),
        ServiceSetting(
            ["CLIENT_LIMIT"], flags: ["CLIENT_LIMIT": "--client-limit"], default: "`on`",
            "the per-client budget of upstream calls (`on` or `off`)"),
        ServiceSetting(
            ["CLIENT_LIMIT_RATE"], flags: ["CLIENT_LIMIT_RATE": "--client-limit-rate"], default: "0.25 /s",
            "uncached lookups per second per client: the refill rate of its bucket"),
        ServiceSetting(
            ["CLIENT_LIMIT_BURST"], flags: ["CLIENT_LIMIT_BURST": "--client-limit-burst"], default: "20",
            "uncached lookups a client may make at once: the size of its bucket"),
        ServiceSetting(
            ["CLIENT_LIMIT_CLIENTS"], default: "100000",
            "the most client buckets kept (least recently seen forgotten first)"),
        ServiceSetting(
            ["TRUSTED_PROXY_HOPS"], flags: ["TRUSTED_PROXY_HOPS": "--trusted-proxy-hops"], default: "0",
            "the number of proxies in front that append to `X-Forwarded-For`; 0 ignores the header (and warns once "
                + "if it arrives): set it behind a load balancer",
            essential: true),
        ServiceSetting(
            ["CONCURRENCY_EXECUTOR"], default: "`event-loops`",
            "`event-loops` runs Swift concurrency on NIO's event loops (no thread hop per request); `cooperative` "
                + "keeps Swift's own pool"),
        ServiceSetting(
            ["SECRETS_DIRECTORY"],
            "a folder of files, one per setting, named as its variable in lower case (`openweather_api_key`, "
                + "`redis_password`): Docker's `/run/secrets` or a Kubernetes secret volume; the environment wins "
                + "over it ([more](configuration.md#other-sources))"),
        ServiceSetting(
            ["CONFIG_FILE"],
            "a JSON object of settings named as their variables in lower case, e.g. `{\"quota_per_minute\": 120}`; "
                + "the environment and the secrets folder win over it, and a member naming no setting is exit 2"),
    ]

    /// The variables read, in the order they are documented: those of ``settings``.
    public static let variables = settings.flatMap(\.variables)

    /// The row describing `variable`, if any.
    public static func setting(for variable: String) -> ServiceSetting? {
        settings.first { $0.variables.contains(variable) }
    }
}
