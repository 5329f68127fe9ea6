import WeatherCore
import WeatherServerCore
import WeatherPages

/// Bridges ``WeatherClientObserver`` to ``ServiceMetrics``: lookups by family and cache status,
/// failures and upstream errors by code, upstream calls, quota left, cooldowns and store errors.
struct MetricsObserver: WeatherClientObserver {
    let metrics: ServiceMetrics

    func record(_ event: WeatherClientEvent) {
        let family = event.family?.rawValue ?? "all"
        let code = event.errorCode?.description ?? "unknown"
        switch event.kind {
        case .lookup:
            metrics.recordLookup(family: family, cache: event.cacheStatus?.rawValue ?? "unknown")
        case .lookupFailed:
            metrics.increment("weather_lookup_failures_total", [("family", family), ("code", code)])
        case .negativeHit:
            metrics.recordLookup(family: family, cache: "negative_hit")
        case .upstreamCall:
            metrics.increment("weather_upstream_calls_total", [("family", family)])
        case .upstreamError:
            metrics.increment("weather_upstream_errors_total", [("family", family), ("code", code)])
        case .quotaRemaining:
            if let perMinute = event.quotaLeftThisMinute {
                metrics.set("weather_quota_remaining", [("window", "minute"), ("family", "all")], Double(perMinute))
            }
            if let today = event.quotaLeftToday {
                metrics.set("weather_quota_remaining", [("window", "day"), ("family", family)], Double(today))
            }
        case .quotaExhausted:
            metrics.increment("weather_quota_refusals_total", [("family", family)])
        case .rateLimitCooldown:
            metrics.increment("weather_upstream_rate_limit_cooldowns_total")
        case .cacheStoreError:
            metrics.increment("weather_cache_store_errors_total")
        case .olderDataDiscarded:
            metrics.increment("weather_older_data_discarded_total", [("family", family)])
        case .quotaFallback:
            let to = event.quotaFallbackActive == true ? "local" : "shared"
            metrics.increment("weather_quota_fallback_switches_total", [("to", to)])
        case .refreshLockWait:
            let outcome = event.servedHolderEntry == true ? "served_holder_entry" : "not_served"
            metrics.increment("weather_refresh_lock_waits_total", [("family", family), ("outcome", outcome)])
        case .oneCallVersion:
            guard let api = event.oneCallAPI else { break }
            for version in OneCallAPI.allCases {
                metrics.set("weather_onecall_api", [("version", version.rawValue)], version == api ? 1 : 0)
            }
            if event.previousOneCallAPI != nil {
                metrics.increment("weather_onecall_version_switches_total", [("to", api.rawValue)])
            }
        default:
            break  // a kind this bridge does not count yet
        }
    }
}
