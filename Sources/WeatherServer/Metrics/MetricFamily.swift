/// Every metric family the service exposes, by its Prometheus name, with its `# HELP` text: the one
/// list to extend when a metric is added (the `/metrics` test fails on a family without help).
enum MetricFamily: String, CaseIterable, Sendable {
    // Requests, whichever path answered them.
    case httpRequestsTotal = "http_requests_total"
    case httpRequestDurationSeconds = "http_request_duration_seconds"
    case httpRequestsInFlight = "http_requests_in_flight"
    case httpConnectionsRefusedTotal = "http_connections_refused_total"
    case httpRequestsCutTotal = "http_requests_cut_total"
    // Lookups and the upstream.
    case weatherLookupsTotal = "weather_lookups_total"
    case weatherLookupFailuresTotal = "weather_lookup_failures_total"
    case weatherUpstreamCallsTotal = "weather_upstream_calls_total"
    case weatherUpstreamErrorsTotal = "weather_upstream_errors_total"
    case weatherUpstreamRequestDurationSeconds = "weather_upstream_request_duration_seconds"
    case weatherUpstreamRateLimitCooldownsTotal = "weather_upstream_rate_limit_cooldowns_total"
    case weatherOlderDataDiscardedTotal = "weather_older_data_discarded_total"
    case weatherRefreshLockWaitsTotal = "weather_refresh_lock_waits_total"
    // Quota.
    case weatherQuotaRemaining = "weather_quota_remaining"
    case weatherQuotaRefusalsTotal = "weather_quota_refusals_total"
    case weatherQuotaFallbackSwitchesTotal = "weather_quota_fallback_switches_total"
    case weatherQuotaShared = "weather_quota_shared"
    case weatherQuotaPerMinuteLimit = "weather_quota_per_minute_limit"
    case weatherUpstreamRequestsTotal = "weather_upstream_requests_total"
    // One Call.
    case weatherOnecallApi = "weather_onecall_api"
    case weatherOnecallVersionSwitchesTotal = "weather_onecall_version_switches_total"
    // Caches and Redis.
    case weatherCacheStoreErrorsTotal = "weather_cache_store_errors_total"
    case weatherRedisUp = "weather_redis_up"
    case weatherNearCacheEntries = "weather_near_cache_entries"
    case weatherNearCacheBytes = "weather_near_cache_bytes"
    // Fairness and tracking.
    case weatherClientLimitClients = "weather_client_limit_clients"
    case weatherTrackerLeader = "weather_tracker_leader"
    case weatherTrackedChecksTotal = "weather_tracked_checks_total"
    // The build and the process.
    case weatherTrackerBuildInfo = "weather_tracker_build_info"
    case processCpuSecondsTotal = "process_cpu_seconds_total"
    case processResidentMemoryBytes = "process_resident_memory_bytes"
    case processVirtualMemoryBytes = "process_virtual_memory_bytes"
    case processOpenFds = "process_open_fds"
    case processMaxFds = "process_max_fds"
    case processStartTimeSeconds = "process_start_time_seconds"

    /// The `# HELP` text.
    var help: String {
        switch self {
        case .httpRequestsTotal: "Requests answered, by route template, method and status (499: cut before its answer)."
        case .httpRequestDurationSeconds:
            "Time from a request's arrival to its answer being handed to the server, by route, method and status."
        case .httpRequestsInFlight:
            "Routed requests being handled now (fast-path answers never wait, so are not counted)."
        case .httpConnectionsRefusedTotal:
            "Connections accepted and closed at once because MAX_CONNECTIONS were open (the descriptor limit's guard)."
        case .httpRequestsCutTotal:
            "Requests cancelled before their answer (reason: shutdown, client_closed); the client got no response."
        case .weatherLookupsTotal: "Lookups answered, by endpoint family and cache status (hit, miss, stale, ...)."
        case .weatherLookupFailuresTotal: "Lookups that failed, by endpoint family and error code."
        case .weatherUpstreamCallsTotal: "Calls made to OpenWeather, by endpoint family."
        case .weatherUpstreamErrorsTotal: "Failed calls to OpenWeather, by endpoint family and error code."
        case .weatherUpstreamRequestDurationSeconds:
            "Duration of each call to OpenWeather, by outcome (HTTP status or error code)."
        case .weatherUpstreamRateLimitCooldownsTotal: "Cooldowns started because OpenWeather answered 429."
        case .weatherOlderDataDiscardedTotal: "Upstream answers dropped because the cache already held newer data."
        case .weatherRefreshLockWaitsTotal:
            "Lookups that waited for another replica's refresh of the same key, by outcome."
        case .weatherQuotaRemaining:
            "Upstream calls left in the budget's window (minute: all families; day: per family)."
        case .weatherQuotaRefusalsTotal: "Upstream calls refused because the budget was spent, by endpoint family."
        case .weatherQuotaFallbackSwitchesTotal:
            "Switches between the shared (Redis) budget and this replica's local share (to: local, shared)."
        case .weatherQuotaShared: "1 while the budget is shared in Redis, 0 while this replica spends its local share."
        case .weatherQuotaPerMinuteLimit: "The per-minute upstream budget in force here (-1: unlimited)."
        case .weatherUpstreamRequestsTotal:
            "Requests sent upstream, by OpenWeather endpoint and API version (e.g. onecall4-1h, 4.0)."
        case .weatherOnecallApi: "1 for the One Call API (version: 3.0, 4.0) this service uses, 0 for the other."
        case .weatherOnecallVersionSwitchesTotal:
            "Changes of the One Call API the key answers on, found by ONECALL_VERSION=auto (to: 3.0, 4.0)."
        case .weatherCacheStoreErrorsTotal: "Errors of the cache store (Redis) that were answered around."
        case .weatherRedisUp: "1 when at least one Redis connection is up, else 0."
        case .weatherNearCacheEntries: "Encoded answers held in the near-cache."
        case .weatherNearCacheBytes: "Bytes of encoded answers held in the near-cache."
        case .weatherClientLimitClients: "Clients with a token bucket in the per-client limit."
        case .weatherTrackerLeader: "1 while this replica holds the tracker lease and refreshes the tracked places."
        case .weatherTrackedChecksTotal: "Checks of tracked places, by outcome (fresh, refreshed, failed)."
        case .weatherTrackerBuildInfo:
            "Always 1; the labels say which build runs: version, Swift compiler version and git commit."
        case .processCpuSecondsTotal: "User and system CPU time spent by the process, in seconds."
        case .processResidentMemoryBytes: "Resident memory size of the process, in bytes."
        case .processVirtualMemoryBytes: "Virtual memory size of the process, in bytes."
        case .processOpenFds: "File descriptors the process has open."
        case .processMaxFds: "The most file descriptors the process may open (its soft limit)."
        case .processStartTimeSeconds: "When the process started, in seconds since the Unix epoch."
        }
    }

    /// The help text of the family named `name`; empty (no `# HELP` line) for a name not listed.
    static func help(forName name: String) -> String { MetricFamily(rawValue: name)?.help ?? "" }
}
