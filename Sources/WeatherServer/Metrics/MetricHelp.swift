import WeatherServerCore
import WeatherPages

/// The `# HELP` text of every metric family the service exposes, by family name: the one list to
/// extend when a metric is added (the `/metrics` test fails on a family without one).
enum MetricHelp {
    /// The help text for `family`; empty (no `# HELP` line) for a family not listed.
    static func text(for family: String) -> String { texts[family] ?? "" }

    static let texts: [String: String] = [
        // Requests, whichever path answered them.
        "http_requests_total": "Requests answered, by route template, method and status (499: cut before its answer).",
        "http_request_duration_seconds":
            "Time from a request's arrival to its answer being handed to the server, by route, method and status.",
        "http_requests_in_flight": "Routed requests being handled now (fast-path answers never wait, so are not counted).",
        "http_connections_refused_total":
            "Connections accepted and closed at once because MAX_CONNECTIONS were open (the descriptor limit's guard).",
        "http_requests_cut_total":
            "Requests cancelled before their answer (reason: shutdown, client_closed); the client got no response.",
        // Lookups and the upstream.
        "weather_lookups_total": "Lookups answered, by endpoint family and cache status (hit, miss, stale, ...).",
        "weather_lookup_failures_total": "Lookups that failed, by endpoint family and error code.",
        "weather_upstream_calls_total": "Calls made to OpenWeather, by endpoint family.",
        "weather_upstream_errors_total": "Failed calls to OpenWeather, by endpoint family and error code.",
        "weather_upstream_request_duration_seconds":
            "Duration of each call to OpenWeather, by outcome (HTTP status or error code).",
        "weather_upstream_rate_limit_cooldowns_total": "Cooldowns started because OpenWeather answered 429.",
        "weather_older_data_discarded_total": "Upstream answers dropped because the cache already held newer data.",
        "weather_refresh_lock_waits_total":
            "Lookups that waited for another replica's refresh of the same key, by outcome.",
        // Quota.
        "weather_quota_remaining": "Upstream calls left in the budget's window (minute: all families; day: per family).",
        "weather_quota_refusals_total": "Upstream calls refused because the budget was spent, by endpoint family.",
        "weather_quota_fallback_switches_total":
            "Switches between the shared (Redis) budget and this replica's local share (to: local, shared).",
        "weather_quota_shared": "1 while the budget is shared in Redis, 0 while this replica spends its local share.",
        "weather_quota_per_minute_limit": "The per-minute upstream budget in force here (-1: unlimited).",
        "weather_upstream_requests_total":
            "Requests sent upstream, by OpenWeather endpoint and API version (e.g. onecall4-1h, 4.0).",
        // One Call.
        "weather_onecall_api": "1 for the One Call API (version: 3.0, 4.0) this service uses, 0 for the other.",
        "weather_onecall_version_switches_total":
            "Changes of the One Call API the key answers on, found by ONECALL_VERSION=auto (to: 3.0, 4.0).",
        // Caches and Redis.
        "weather_cache_store_errors_total": "Errors of the cache store (Redis) that were answered around.",
        "weather_redis_up": "1 when at least one Redis connection is up, else 0.",
        "weather_near_cache_entries": "Encoded answers held in the near-cache.",
        "weather_near_cache_bytes": "Bytes of encoded answers held in the near-cache.",
        // Fairness and tracking.
        "weather_client_limit_clients": "Clients with a token bucket in the per-client limit.",
        "weather_tracker_leader": "1 while this replica holds the tracker lease and refreshes the tracked places.",
        "weather_tracked_checks_total": "Checks of tracked places, by outcome (fresh, refreshed, failed).",
        // The build and the process.
        "weather_tracker_build_info":
            "Always 1; the labels say which build runs: version, Swift compiler version and git commit.",
        "process_cpu_seconds_total": "User and system CPU time spent by the process, in seconds.",
        "process_resident_memory_bytes": "Resident memory size of the process, in bytes.",
        "process_virtual_memory_bytes": "Virtual memory size of the process, in bytes.",
        "process_open_fds": "File descriptors the process has open.",
        "process_max_fds": "The most file descriptors the process may open (its soft limit).",
        "process_start_time_seconds": "When the process started, in seconds since the Unix epoch.",
    ]
}
