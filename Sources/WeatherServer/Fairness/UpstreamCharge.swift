import Synchronization
import WeatherCore
import WeatherServerCore
import WeatherPages

/// What one request spends of its client's upstream budget: every upstream call made for the
/// request — a geocode, each lookup of a page — takes one token from the client's bucket (and
/// from its /48's, for IPv6) before the account's quota is asked; with places tracked, calls made
/// for clients also keep out of the share reserved for the tracker.
///
/// Bound as the request's ``UpstreamPayment/payer`` by ``UpstreamChargeMiddleware``, so
/// ``WeatherClient`` asks it once per upstream call, after its cache reads: an answer from the
/// shared cache costs nothing, and a request costs exactly the calls it causes.
final class UpstreamCharge: UpstreamPayer {
    private let limiter: ClientRateLimiter?
    private let buckets: [ClientAddress.Bucket]
    private let clientShare: QuotaGovernor?
    private let refusedFor = Mutex<Int?>(nil)

    /// A charge against `buckets` of `limiter` (when the per-client limit is on) and `clientShare`
    /// (the clients' part of the per-minute budget, when places are tracked).
    init(limiter: ClientRateLimiter?, buckets: [ClientAddress.Bucket], clientShare: QuotaGovernor?) {
        self.limiter = limiter
        self.buckets = buckets
        self.clientShare = clientShare
    }

    func pay(for family: EndpointFamily) async -> QuotaDecision {
        if let limiter, case .refused(let seconds) = limiter.admit(buckets) {
            refusedFor.withLock { $0 = seconds }
            return .exhausted(retryAfter: .seconds(seconds))
        }
        if let clientShare, case .exhausted(let retryAfter) = await clientShare.acquire(family) {
            limiter?.refund(buckets)
            return .exhausted(retryAfter: retryAfter)
        }
        return .granted(QuotaGrant(perMinuteLeft: .max))
    }

    func refund(_ family: EndpointFamily) async {
        limiter?.refund(buckets)
    }

    /// The client's limit and the seconds until it may go upstream again, when a call of this
    /// request was refused by it (not by the tracker's reserve or the account's budget).
    var refusal: (limit: ClientLimit, retryAfterSeconds: Int)? {
        guard let limiter, let seconds = refusedFor.withLock({ $0 }) else { return nil }
        return (limiter.limit, seconds)
    }

    /// The `RateLimit-Policy` and `RateLimit` fields for this request's client (its own bucket;
    /// for IPv6 its /64, whose /48 holds ``ClientAddress/sitePrefixScale`` times as much), or
    /// `nil` when the per-client limit is off.
    var rateLimitFields: (policy: String, current: String)? {
        guard let limiter, let own = buckets.first else { return nil }
        let standing = limiter.standing(own)
        return (
            RateLimitFields.policy(limiter.limit),
            RateLimitFields.current(remaining: standing.remaining, resetSeconds: standing.secondsUntilFull)
        )
    }

    /// The charge of the request being served, when its lookups are charged.
    static var current: UpstreamCharge? { UpstreamPayment.payer as? UpstreamCharge }
}
