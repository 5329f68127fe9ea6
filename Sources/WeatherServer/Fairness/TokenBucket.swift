import WeatherServerCore
import WeatherPages

/// One client's token bucket, in seconds of a monotonic clock.
struct TokenBucket: Sendable {
    /// Tokens left (fractions accumulate between requests).
    private(set) var tokens: Double
    /// When ``tokens`` was last brought up to date.
    private(set) var updatedAt: Double

    /// A full bucket at `now`.
    init(burst: Double, now: Double) {
        tokens = burst
        updatedAt = now
    }

    /// Takes one token: `nil` when granted, else the seconds until one is available.
    mutating func take(now: Double, rate: Double, burst: Double) -> Double? {
        refill(now: now, rate: rate, burst: burst)
        guard tokens >= 1 else { return (1 - tokens) / rate }
        tokens -= 1
        return nil
    }

    /// Gives one token back (a lookup that did not go upstream after all), never above `burst`.
    mutating func giveBack(now: Double, rate: Double, burst: Double) {
        refill(now: now, rate: rate, burst: burst)
        tokens = min(burst, tokens + 1)
    }

    /// The tokens there are at `now` (fractions included), without taking or storing anything.
    func available(now: Double, rate: Double, burst: Double) -> Double {
        min(burst, tokens + max(0, now - updatedAt) * rate)
    }

    /// When the bucket will be full again: from then on it is the same as a new one.
    func fullAt(rate: Double, burst: Double) -> Double {
        updatedAt + max(0, burst - tokens) / rate
    }

    private mutating func refill(now: Double, rate: Double, burst: Double) {
        let elapsed = max(0, now - updatedAt)
        tokens = min(burst, tokens + elapsed * rate)
        updatedAt = max(updatedAt, now)
    }
}
