import HTTPTypes
import WeatherServerCore
import WeatherPages

/// The `RateLimit-Policy` and `RateLimit` header fields of draft-ietf-httpapi-ratelimit-headers
/// (revisions 08–11, the current syntax): Structured Field Lists whose items name a policy in a
/// String and carry Integer parameters — `q` the quota and `w` the window in seconds for the
/// policy, `r` what remains and `t` the seconds until the quota is whole again for the current state.
///
/// They describe the per-client limit (``ClientLimit``) — the only limit a client can run into by
/// itself — as the policy `"uncached"`: a token bucket of `burst` tokens refilled at `rate` per
/// second reads as `q=burst` over `w=burst/rate` seconds (the time an empty bucket takes to fill),
/// `r` the whole tokens left, `t` the seconds until the bucket is full again (0 when it is).
/// `RateLimit-Policy: "uncached";q=20;w=80` and `RateLimit: "uncached";r=17;t=12`.
enum RateLimitFields {
    /// The policy's name in both fields: the limit counts lookups that go upstream, never cached answers.
    static let policyName = "uncached"

    /// `"uncached";q=<burst>;w=<seconds to fill an empty bucket>`.
    static func policy(_ limit: ClientLimit) -> String {
        let window = limit.ratePerSecond > 0 ? Int((Double(limit.burst) / limit.ratePerSecond).rounded(.up)) : 0
        return "\"\(policyName)\";q=\(limit.burst);w=\(window)"
    }

    /// `"uncached";r=<remaining>;t=<seconds until full>`.
    static func current(remaining: Int, resetSeconds: Int) -> String {
        "\"\(policyName)\";r=\(max(0, remaining));t=\(max(0, resetSeconds))"
    }
}

extension HTTPField.Name {
    /// `RateLimit-Policy`: the client's limit (``RateLimitFields``).
    static let rateLimitPolicy = HTTPField.Name("RateLimit-Policy")!
    /// `RateLimit`: where the client stands in it (``RateLimitFields``).
    static let rateLimit = HTTPField.Name("RateLimit")!
}
