public import WeatherCache
public import WeatherCore
public import WeatherServerCore
import WeatherPages

extension ServiceConfiguration {
    /// The upstream budget for lookups made with `apiKey`, by the service or by a CLI run with the
    /// same configuration.
    ///
    /// With Redis it is account-wide: one budget in Redis for every replica and every CLI run that
    /// holds the key, with `ServiceConfiguration.quotaReplicas`' share of it locally while Redis cannot be reached. Without
    /// Redis it is this process's share of `ServiceConfiguration.quota`.
    ///
    /// - Parameters:
    ///   - redis: the shared store, or `nil` when the cache is in this process only.
    ///   - apiKey: the key whose account the budget is; the shared budget is kept under its fingerprint.
    ///   - observer: told when the budget switches between the shared and the local one.
    ///   - traced: whether each round trip to the shared budget is a client span (tracing is on).
    public func quotaStore(
        sharedIn redis: RedisCacheStore?, apiKey: APIKey, observer: (any WeatherClientObserver)? = nil,
        traced: Bool = false
    ) -> any QuotaStore {
        guard let redis else { return QuotaGovernor(policy: quota.divided(among: quotaReplicas)) }
        let shared = RedisQuotaStore(store: redis, apiKey: apiKey, policy: quota)
        return FallbackQuotaStore(
            shared: traced ? TracedQuotaStore(base: shared) : shared, policy: quota,
            replicas: quotaReplicas, observer: observer)
    }
}
