import WeatherCore

/// Bridges ``WeatherClientObserver`` to ``ServiceMetrics``: lookups by family and cache status,
/// failures and upstream errors by code, upstream calls, quota left, cooldowns and store errors.
struct MetricsObserver: WeatherClientObserver {
    let metrics: ServiceMetrics

    func record(_ event: WeatherClientEvent) {
        switch event {
        case .lookup(let family, let status):
            metrics.recordLookup(family: family.rawValue, cache: status.rawValue)
        case .lookupFailed(let family, let code):
            metrics.increment("weather_lookup_failures_total", [("family", family.rawValue), ("code", code.description)])
        case .negativeHit(let family):
            metrics.recordLookup(family: family.rawValue, cache: "negative_hit")
        case .upstreamCall(let family):
            metrics.increment("weather_upstream_calls_total", [("family", family.rawValue)])
        case .upstreamError(let family, let error):
            metrics.increment(
                "weather_upstream_errors_total", [("family", family.rawValue), ("code", error.code.description)])
        case .quotaRemaining(let family, let perMinute, let today):
            metrics.set("weather_quota_remaining", [("window", "minute"), ("family", "all")], Double(perMinute))
            if let today {
                metrics.set("weather_quota_remaining", [("window", "day"), ("family", family.rawValue)], Double(today))
            }
        case .quotaExhausted(let family):
            metrics.increment("weather_quota_refusals_total", [("family", family.rawValue)])
        case .rateLimitCooldown:
            metrics.increment("weather_upstream_rate_limit_cooldowns_total")
        case .cacheStoreError:
            metrics.increment("weather_cache_store_errors_total")
        case .olderDataDiscarded(let family):
            metrics.increment("weather_older_data_discarded_total", [("family", family.rawValue)])
        case .quotaFallback(let active):
            metrics.increment("weather_quota_fallback_switches_total", [("to", active ? "local" : "shared")])
        case .refreshLockWait(let family, let served):
            metrics.increment(
                "weather_refresh_lock_waits_total",
                [("family", family.rawValue), ("outcome", served ? "served_holder_entry" : "not_served")])
        }
    }
}
