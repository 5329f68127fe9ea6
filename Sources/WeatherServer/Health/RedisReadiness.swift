import WeatherCache
import WeatherCore
import WeatherServerCore
import WeatherPages

/// `/ready`'s Redis check: a ping, reported as `unavailable`, or — when the TLS layer refused
/// the connection — as `unavailable: TLS: …`, so that the operator sees what to fix (a CA file,
/// a certificate, a plain-text port) instead of a bare "unavailable".
enum RedisReadiness {
    /// Pings `redis`; throws a ``ReadinessFailure`` naming TLS when TLS is why Redis is unreachable.
    static func check(_ redis: RedisCacheStore) async throws {
        do {
            _ = try await redis.ping()
        } catch let error as WeatherError {
            if let underlying = error.underlying, underlying.hasPrefix("TLS") {
                throw ReadinessFailure(summary: "unavailable: \(underlying)")
            }
            throw error
        }
    }
}
