import Tracing
import WeatherCore
import WeatherServerCore
import WeatherPages

/// A ``QuotaStore`` decorator that makes a client span of each round trip to the shared budget in
/// Redis (one Lua script each): `redis quota` with the decision (`granted`, `exhausted`,
/// `cooling_down`), `redis cooldown`, and `redis quota read` for `GET /v1/quota`.
///
/// Like ``TracedCacheStore``, spans name the operation and outcome only — never the key's
/// fingerprint, the URL, the password, nor an error's text. Wrapped around the shared store only
/// while tracing is on.
struct TracedQuotaStore: QuotaStore {
    let base: any QuotaStore

    func acquire(_ family: EndpointFamily) async throws -> QuotaDecision {
        try await RedisSpan.run("redis quota", operation: "EVALSHA") { span in
            let decision = try await base.acquire(family)
            span.attributes["weather.endpoint_family"] = family.rawValue
            span.attributes["weather.quota.outcome"] = decision.spanOutcome
            return decision
        }
    }

    func startCooldown(_ duration: Duration) async throws {
        try await RedisSpan.run("redis cooldown", operation: "EVALSHA") { _ in try await base.startCooldown(duration) }
    }

    func snapshot() async throws -> QuotaSnapshot? {
        try await RedisSpan.run("redis quota read", operation: "EVALSHA") { _ in try await base.snapshot() }
    }
}

extension QuotaDecision {
    /// The decision's name on a span.
    fileprivate var spanOutcome: String {
        switch self {
        case .granted: "granted"
        case .exhausted: "exhausted"
        case .coolingDown: "cooling_down"
        }
    }
}
