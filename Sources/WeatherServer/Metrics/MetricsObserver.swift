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
            metrics.increment(.weatherLookupFailuresTotal, [("family", family), ("code", code)])
        case .negativeHit:
            metrics.recordLookup(family: family, cache: "negative_hit")
        case .upstreamCall:
            metrics.increment(.weatherUpstreamCallsTotal, [("family", family)])
        case .upstreamError:
            metrics.increment(.weatherUpstreamErrorsTotal, [("family", family), ("code", code)])
        case .quotaRemaining:
            if let perMinute = event.quotaLeftThisMinute {
                metrics.set(.weatherQuotaRemaining, [("window", "minute"), ("family", "all")], Double(perMinute))
            }
            if let today = event.quotaLeftToday {
                metrics.set(.weatherQuotaRemaining, [("window", "day"), ("family", family)], Double(today))
            }
        case .quotaExhausted:
            metrics.increment(.weatherQuotaRefusalsTotal, [("family", family)])
        case .rateLimitCooldown:
            metrics.increment(.weatherUpstreamRateLimitCooldownsTotal)
        case .cacheStoreError:
            metrics.increment(.weatherCacheStoreErrorsTotal)
        case .olderDataDiscarded:
            metrics.increment(.weatherOlderDataDiscardedTotal, [("family", family)])
        case .quotaFallback:
            let to = event.quotaFallbackActive == true ? "local" : "shared"
            metrics.increment(.weatherQuotaFallbackSwitchesTotal, [("to", to)])
        case .refreshLockWait:
            let outcome = event.servedHolderEntry == true ? "served_holder_entry" : "not_served"
            metrics.increment(.weatherRefreshLockWaitsTotal, [("family", family), ("outcome", outcome)])
        case .oneCallVersion:
            guard let api = event.oneCallAPI else { break }
            for version in OneCallAPI.allCases {
                metrics.set(.weatherOnecallApi, [("version", version.rawValue)], version == api ? 1 : 0)
            }
            if event.previousOneCallAPI != nil {
                metrics.increment(.weatherOnecallVersionSwitchesTotal, [("to", api.rawValue)])
            }
        default:
            break  // a kind this bridge does not count yet
        }
    }
}
