/// Something that happened inside ``WeatherClient``, for metrics and debug logs.
///
/// A struct rather than an enum, so that new kinds of event do not break observers (as
/// ``WeatherError/Code`` grows): switch on ``kind`` with a `default:` branch, and read the
/// fields that kind documents; the others are `nil`.
///
/// ```swift
/// struct UpstreamLog: WeatherClientObserver {
///     func record(_ event: WeatherClientEvent) {
///         switch event.kind {
///         case .upstreamError: print("upstream failed:", event.errorCode ?? "?")
///         case .rateLimitCooldown: print("cooling down for", event.cooldown ?? .zero)
///         default: break
///         }
///     }
/// }
/// ```
public struct WeatherClientEvent: Sendable, Equatable, CustomStringConvertible {
    /// What kind of event it is. Compare with the static members: `event.kind == .lookup`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case lookup
            case lookupFailed = "lookup_failed"
            case negativeHit = "negative_hit"
            case upstreamCall = "upstream_call"
            case upstreamError = "upstream_error"
            case quotaRemaining = "quota_remaining"
            case quotaExhausted = "quota_exhausted"
            case rateLimitCooldown = "rate_limit_cooldown"
            case cacheStoreError = "cache_store_error"
            case olderDataDiscarded = "older_data_discarded"
            case quotaFallback = "quota_fallback"
            case refreshLockWait = "refresh_lock_wait"
            case oneCallVersion = "onecall_version"
        }
        private let base: Base

        /// A lookup was answered: ``WeatherClientEvent/family``, ``WeatherClientEvent/cacheStatus``.
        public static let lookup = Kind(base: .lookup)
        /// A lookup failed, no cached data could stand in for the error: ``WeatherClientEvent/family``,
        /// ``WeatherClientEvent/errorCode``.
        public static let lookupFailed = Kind(base: .lookupFailed)
        /// A fresh "not found" entry answered a lookup without asking upstream: ``WeatherClientEvent/family``.
        public static let negativeHit = Kind(base: .negativeHit)
        /// An HTTP request was sent upstream (every attempt counts): ``WeatherClientEvent/family``.
        public static let upstreamCall = Kind(base: .upstreamCall)
        /// An upstream attempt failed (transport error or non-2xx status): ``WeatherClientEvent/family``,
        /// ``WeatherClientEvent/error`` and its ``WeatherClientEvent/errorCode``.
        public static let upstreamError = Kind(base: .upstreamError)
        /// A quota token was taken: ``WeatherClientEvent/family``, ``WeatherClientEvent/quotaLeftThisMinute``,
        /// ``WeatherClientEvent/quotaLeftToday``.
        public static let quotaRemaining = Kind(base: .quotaRemaining)
        /// A call was refused because the quota is spent: ``WeatherClientEvent/family``.
        public static let quotaExhausted = Kind(base: .quotaExhausted)
        /// A 429 started (or extended) a cooldown: ``WeatherClientEvent/cooldown``.
        public static let rateLimitCooldown = Kind(base: .rateLimitCooldown)
        /// The cache store failed; the lookup went on as a miss (or the write was dropped):
        /// ``WeatherClientEvent/detail``.
        public static let cacheStoreError = Kind(base: .cacheStoreError)
        /// A fetched entry was not written because the cached one was observed later:
        /// ``WeatherClientEvent/family``.
        public static let olderDataDiscarded = Kind(base: .olderDataDiscarded)
        /// The shared quota became unreachable or answered again (see ``FallbackQuotaStore``):
        /// ``WeatherClientEvent/quotaFallbackActive``.
        public static let quotaFallback = Kind(base: .quotaFallback)
        /// Another replica held the refresh lock of a key this lookup needed: ``WeatherClientEvent/family``,
        /// ``WeatherClientEvent/servedHolderEntry``.
        public static let refreshLockWait = Kind(base: .refreshLockWait)
        /// The One Call API in use was found out or changed (``OneCallVersion/automatic``):
        /// ``WeatherClientEvent/oneCallAPI``, ``WeatherClientEvent/previousOneCallAPI``.
        public static let oneCallVersion = Kind(base: .oneCallVersion)

        /// A short snake_case name, stable enough for a metric label.
        public var description: String { base.rawValue }
    }

    /// What happened; says which of the other fields are set.
    public let kind: Kind
    /// The endpoint family concerned; `nil` for ``Kind/rateLimitCooldown``, ``Kind/cacheStoreError``
    /// and ``Kind/quotaFallback``, which concern the whole client.
    public let family: EndpointFamily?
    /// ``Kind/lookup``: how the lookup was answered.
    public let cacheStatus: CacheStatus?
    /// ``Kind/lookupFailed``: why the lookup failed; ``Kind/upstreamError``: the code of ``error``.
    public let errorCode: WeatherError.Code?
    /// ``Kind/upstreamError``: how the attempt failed.
    public let error: WeatherError?
    /// ``Kind/quotaRemaining``: the calls left this minute.
    public let quotaLeftThisMinute: Int?
    /// ``Kind/quotaRemaining``: the calls of the family's daily budget left today (`nil`: no daily budget).
    public let quotaLeftToday: Int?
    /// ``Kind/rateLimitCooldown``: the length of the cooldown.
    public let cooldown: Duration?
    /// ``Kind/cacheStoreError``: which call failed and how, e.g. `get: …`.
    public let detail: String?
    /// ``Kind/quotaFallback``: `true` when the local, divided budget is now in force (the shared
    /// quota is unreachable), `false` when back to the shared budget.
    public let quotaFallbackActive: Bool?
    /// ``Kind/refreshLockWait``: whether the entry the holder wrote was served (`false`: a stale
    /// entry or, at last, upstream).
    public let servedHolderEntry: Bool?
    /// ``Kind/oneCallVersion``: the One Call API now in use.
    public let oneCallAPI: OneCallAPI?
    /// ``Kind/oneCallVersion``: the API used before (`nil`: none was known in this process).
    public let previousOneCallAPI: OneCallAPI?

    private init(
        _ kind: Kind, family: EndpointFamily? = nil, cacheStatus: CacheStatus? = nil,
        errorCode: WeatherError.Code? = nil, error: WeatherError? = nil, quotaLeftThisMinute: Int? = nil,
        quotaLeftToday: Int? = nil, cooldown: Duration? = nil, detail: String? = nil,
        quotaFallbackActive: Bool? = nil, servedHolderEntry: Bool? = nil, oneCallAPI: OneCallAPI? = nil,
        previousOneCallAPI: OneCallAPI? = nil
    ) {
        self.oneCallAPI = oneCallAPI
        self.previousOneCallAPI = previousOneCallAPI
        self.kind = kind
        self.family = family
        self.cacheStatus = cacheStatus
        self.errorCode = errorCode
        self.error = error
        self.quotaLeftThisMinute = quotaLeftThisMinute
        self.quotaLeftToday = quotaLeftToday
        self.cooldown = cooldown
        self.detail = detail
        self.quotaFallbackActive = quotaFallbackActive
        self.servedHolderEntry = servedHolderEntry
    }

    /// A ``Kind/lookup`` event: a lookup of `family` was answered with `status`.
    public static func lookup(_ family: EndpointFamily, _ status: CacheStatus) -> Self {
        Self(.lookup, family: family, cacheStatus: status)
    }

    /// A ``Kind/lookupFailed`` event.
    public static func lookupFailed(_ family: EndpointFamily, _ code: WeatherError.Code) -> Self {
        Self(.lookupFailed, family: family, errorCode: code)
    }

    /// A ``Kind/negativeHit`` event.
    public static func negativeHit(_ family: EndpointFamily) -> Self { Self(.negativeHit, family: family) }

    /// An ``Kind/upstreamCall`` event.
    public static func upstreamCall(_ family: EndpointFamily) -> Self { Self(.upstreamCall, family: family) }

    /// An ``Kind/upstreamError`` event.
    public static func upstreamError(_ family: EndpointFamily, _ error: WeatherError) -> Self {
        Self(.upstreamError, family: family, errorCode: error.code, error: error)
    }

    /// A ``Kind/quotaRemaining`` event: what is left this minute and today (`nil`: no daily budget).
    public static func quotaRemaining(_ family: EndpointFamily, perMinute: Int, today: Int?) -> Self {
        Self(.quotaRemaining, family: family, quotaLeftThisMinute: perMinute, quotaLeftToday: today)
    }

    /// A ``Kind/quotaExhausted`` event.
    public static func quotaExhausted(_ family: EndpointFamily) -> Self { Self(.quotaExhausted, family: family) }

    /// A ``Kind/rateLimitCooldown`` event.
    public static func rateLimitCooldown(_ duration: Duration) -> Self { Self(.rateLimitCooldown, cooldown: duration) }

    /// A ``Kind/cacheStoreError`` event; `detail` names the call that failed and how.
    public static func cacheStoreError(_ detail: String) -> Self { Self(.cacheStoreError, detail: detail) }

    /// An ``Kind/olderDataDiscarded`` event.
    public static func olderDataDiscarded(_ family: EndpointFamily) -> Self {
        Self(.olderDataDiscarded, family: family)
    }

    /// A ``Kind/quotaFallback`` event: `active` is `true` when the local, divided budget takes over.
    public static func quotaFallback(active: Bool) -> Self { Self(.quotaFallback, quotaFallbackActive: active) }

    /// A ``Kind/refreshLockWait`` event.
    public static func refreshLockWait(_ family: EndpointFamily, servedHolderEntry: Bool) -> Self {
        Self(.refreshLockWait, family: family, servedHolderEntry: servedHolderEntry)
    }

    /// A ``Kind/oneCallVersion`` event: `api` is now in use, after `previous` (`nil`: none known).
    public static func oneCallVersion(_ api: OneCallAPI, previous: OneCallAPI?) -> Self {
        Self(.oneCallVersion, family: .oneCall, oneCallAPI: api, previousOneCallAPI: previous)
    }

    /// The kind and the fields it sets, e.g. `lookup family=current cache=hit`.
    public var description: String {
        var parts = [kind.description]
        if let family { parts.append("family=\(family)") }
        if let cacheStatus { parts.append("cache=\(cacheStatus)") }
        if let errorCode { parts.append("code=\(errorCode)") }
        if let quotaLeftThisMinute { parts.append("minute_left=\(quotaLeftThisMinute)") }
        if let quotaLeftToday { parts.append("today_left=\(quotaLeftToday)") }
        if let cooldown { parts.append("cooldown=\(cooldown)") }
        if let quotaFallbackActive { parts.append("local_budget=\(quotaFallbackActive)") }
        if let servedHolderEntry { parts.append("served_holder_entry=\(servedHolderEntry)") }
        if let oneCallAPI { parts.append("api=\(oneCallAPI)") }
        if let previousOneCallAPI { parts.append("previous_api=\(previousOneCallAPI)") }
        if let detail { parts.append("detail=\(detail)") }
        return parts.joined(separator: " ")
    }
}
