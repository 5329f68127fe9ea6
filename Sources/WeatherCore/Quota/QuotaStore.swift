/// Hands out upstream calls within the account's budget, and pauses them all after a 429: the
/// quota behind ``WeatherClient``, pluggable so that every replica holding one API key can share it.
///
/// ``QuotaGovernor`` keeps the budget in this process; `WeatherCache.RedisQuotaStore` keeps it in
/// Redis, so N replicas spend one budget, not N; ``FallbackQuotaStore`` puts the second in front
/// of a divided first for when Redis is away. The client asks ``acquire(_:)`` once per upstream
/// attempt (retries included) and calls ``startCooldown(_:)`` when upstream answers 429.
///
/// A store that cannot answer throws; the client then refuses the call (``FallbackQuotaStore``
/// is what turns "cannot answer" into a local decision). A minimal conformer for a test:
///
/// ```swift
/// actor CountingQuotaStore: QuotaStore {
///     var left = 3
///     func acquire(_ family: EndpointFamily) async throws -> QuotaDecision {
///         guard left > 0 else { return .exhausted(retryAfter: .seconds(60)) }
///         left -= 1
///         return .granted(QuotaGrant(perMinuteLeft: left))
///     }
///     func startCooldown(_ duration: Duration) async throws {}
/// }
/// ```
public protocol QuotaStore: Sendable {
    /// Spends one upstream call of `family`, atomically against every other caller of the store —
    /// or says why not: the budget is spent, or a 429 cooldown is running.
    func acquire(_ family: EndpointFamily) async throws -> QuotaDecision
    /// Pauses every upstream call for `duration` from now, for everyone sharing the store; a
    /// running cooldown that ends later is kept (never shortened).
    func startCooldown(_ duration: Duration) async throws
    /// The budget as it stands, read without spending a call (`GET /v1/quota` of the service), or
    /// `nil` when the store keeps no figures it can show. Throws as ``acquire(_:)`` does when the
    /// store cannot answer.
    func snapshot() async throws -> QuotaSnapshot?
}

extension QuotaStore {
    /// No figures: the default of a store that only grants (a test double, say).
    public func snapshot() async throws -> QuotaSnapshot? { nil }
}

/// The answer of ``QuotaStore/acquire(_:)``.
public enum QuotaDecision: Sendable, Equatable {
    /// One call was spent; what is left.
    case granted(QuotaGrant)
    /// A budget is spent; `retryAfter` is when a call may be granted again, when known.
    case exhausted(retryAfter: Duration?)
    /// A 429 cooldown is running for `remaining` more.
    case coolingDown(remaining: Duration)
}

/// What is left of the budget after a granted call.
public struct QuotaGrant: Sendable, Equatable {
    /// Calls left in the current 60-second window (`Int.max` without a per-minute limit).
    public var perMinuteLeft: Int
    /// Calls left today for the call's family; `nil` when the family has no daily budget.
    public var todayLeft: Int?

    /// Creates a grant.
    public init(perMinuteLeft: Int, todayLeft: Int? = nil) {
        self.perMinuteLeft = perMinuteLeft
        self.todayLeft = todayLeft
    }
}
