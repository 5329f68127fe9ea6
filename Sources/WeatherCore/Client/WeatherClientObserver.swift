/// Something that happened inside ``WeatherClient``, for metrics and debug logs.
public enum WeatherClientEvent: Sendable {
    /// A lookup was answered with `status`.
    case lookup(EndpointFamily, CacheStatus)
    /// A lookup failed: no cached data could stand in for the error.
    case lookupFailed(EndpointFamily, WeatherError.Code)
    /// A fresh "not found" entry answered a lookup without asking upstream.
    case negativeHit(EndpointFamily)
    /// An HTTP request was sent upstream (every attempt counts).
    case upstreamCall(EndpointFamily)
    /// An upstream attempt failed (transport error or non-2xx status).
    case upstreamError(EndpointFamily, WeatherError)
    /// A quota token was taken; what is left this minute and today (`nil`: no daily budget).
    case quotaRemaining(EndpointFamily, perMinute: Int, today: Int?)
    /// A call was refused because the quota is spent.
    case quotaExhausted(EndpointFamily)
    /// A 429 started (or extended) a cooldown of this length.
    case rateLimitCooldown(Duration)
    /// The cache store failed; the lookup went on as a miss (or the write was dropped).
    case cacheStoreError(String)
    /// A fetched entry was not written because the cached one was observed later.
    case olderDataDiscarded(EndpointFamily)
    /// The shared quota became unreachable (`true`: the local, divided budget is in force) or
    /// answered again (`false`: back to the shared budget). See ``FallbackQuotaStore``.
    case quotaFallback(active: Bool)
    /// Another replica held the refresh lock of a key this lookup needed; `servedHolderEntry` says
    /// whether the entry the holder wrote was served (`false`: a stale entry or, at last, upstream).
    case refreshLockWait(EndpointFamily, servedHolderEntry: Bool)
}

/// Receives ``WeatherClientEvent``s: bridge it to swift-metrics or a logger in the service.
///
/// Called synchronously on the lookup path: keep it cheap and non-blocking.
///
/// ```swift
/// struct PrintObserver: WeatherClientObserver {
///     func record(_ event: WeatherClientEvent) { print(event) }
/// }
/// ```
public protocol WeatherClientObserver: Sendable {
    /// Records one event.
    func record(_ event: WeatherClientEvent)
}
