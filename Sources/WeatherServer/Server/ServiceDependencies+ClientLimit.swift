import Hummingbird
import WeatherCore
import WeatherServerCore
import WeatherPages

extension ServiceDependencies {
    /// The upstream charge of `request`'s client (its address, or the one the trusted proxies saw),
    /// or `nil` when neither the per-client limit nor a tracker's reserve applies.
    func upstreamCharge(for request: Request, context: ServiceRequestContext) -> UpstreamCharge? {
        guard clientLimiter != nil || clientShare != nil else { return nil }
        var buckets: [ClientAddress.Bucket] = []
        if let clientLimiter {
            let hops = clientLimiter.limit.trustedProxyHops
            let forwardedFor = request.headers[values: .xForwardedFor]
            untrustedForwarding.check(trustedHops: hops, hasForwardedFor: !forwardedFor.isEmpty)
            let client = ClientAddress.key(peer: context.remoteAddressText, forwardedFor: forwardedFor, trustedHops: hops)
            buckets = ClientAddress.buckets(forKey: client)
        }
        return UpstreamCharge(limiter: clientLimiter, buckets: buckets, clientShare: clientShare)
    }
}

extension Problem {
    /// 429 for a client past its per-client budget of upstream calls.
    static func clientLimited(_ limit: ClientLimit, retryAfterSeconds: Int) -> Problem {
        let perMinute = limit.ratePerSecond * 60
        let rate = perMinute == perMinute.rounded() ? String(Int(perMinute)) : String(perMinute)
        return Problem(
            status: .tooManyRequests, slug: "client-rate-limited", title: "Too many uncached lookups",
            detail:
                "This client caused more upstream calls than the service allows one client (\(limit.burst) at once, then \(rate) a minute); cached answers are not limited. Try again in \(retryAfterSeconds) s.",
            retryAfterSeconds: retryAfterSeconds)
    }
}
