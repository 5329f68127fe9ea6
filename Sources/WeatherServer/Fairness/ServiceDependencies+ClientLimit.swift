import Hummingbird
import WeatherCore

extension ServiceDependencies {
    /// Takes a token for the client of `request` before a lookup the near-cache missed; the key
    /// returned is what ``refundUpstreamLookup(_:status:)`` needs. `nil` when the limit is off.
    ///
    /// - Throws: ``Problem`` 429 with `Retry-After` when the client's bucket is empty.
    func admitUpstreamLookup(_ request: Request, context: ServiceRequestContext) throws(Problem) -> String? {
        guard let clientLimiter else { return nil }
        let limit = clientLimiter.limit
        let forwardedFor = request.headers[values: .xForwardedFor]
        untrustedForwarding.check(trustedHops: limit.trustedProxyHops, hasForwardedFor: !forwardedFor.isEmpty)
        let client = ClientAddress.key(
            peer: context.remoteAddressText, forwardedFor: forwardedFor, trustedHops: limit.trustedProxyHops)
        switch clientLimiter.admit(client) {
        case .admitted:
            return client
        case .refused(let seconds):
            throw Problem.clientLimited(limit, retryAfterSeconds: seconds)
        }
    }

    /// Gives the token back when the lookup was answered from the shared cache (no upstream call of its own).
    func refundUpstreamLookup(_ client: String?, status: CacheStatus) {
        guard Self.answeredFromCache(status) else { return }
        refund(client)
    }

    /// Gives the token of a page view back when every lookup of the page was answered from the
    /// shared cache; a page with a failed lookup (`nil`) or any upstream call keeps it spent.
    func refundUpstreamLookups(_ client: String?, statuses: [CacheStatus?]) {
        guard !statuses.isEmpty, statuses.allSatisfy(Self.answeredFromCache) else { return }
        refund(client)
    }

    /// Whether a lookup answered with `status` made no upstream call of its own (`nil`: it failed).
    private static func answeredFromCache(_ status: CacheStatus?) -> Bool { status == .hit || status == .stale }

    private func refund(_ client: String?) {
        guard let client, let clientLimiter else { return }
        clientLimiter.refund(client)
    }

    /// Takes a token for a page view about `place`, unless the place is tracked (the tracker keeps
    /// it warm within its own share of the quota). `nil` when nothing was taken.
    ///
    /// - Throws: ``Problem`` 429 with `Retry-After` when the client's bucket is empty.
    func admitPageLookup(of place: Place, _ request: Request, context: ServiceRequestContext) throws(Problem)
        -> String?
    {
        guard !trackedPlaces.contains(place) else { return nil }
        return try admitUpstreamLookup(request, context: context)
    }
}

extension Problem {
    /// 429 for a client past its per-client limit of uncached lookups.
    static func clientLimited(_ limit: ClientLimit, retryAfterSeconds: Int) -> Problem {
        let perMinute = limit.ratePerSecond * 60
        let rate = perMinute == perMinute.rounded() ? String(Int(perMinute)) : String(perMinute)
        return Problem(
            status: .tooManyRequests, slug: "client-rate-limited", title: "Too many uncached lookups",
            detail:
                "This client asked for more uncached lookups than the service allows one client (\(limit.burst) at once, then \(rate) a minute); cached answers are not limited. Try again in \(retryAfterSeconds) s.",
            retryAfterSeconds: retryAfterSeconds)
    }
}
