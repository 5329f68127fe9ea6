import Synchronization

/// Remembers, per key, that its last refresh failed, so the next attempt waits a short, jittered,
/// growing delay (``RetryPolicy/refreshFailureDelay(afterFailures:unit:)``) instead of starting at
/// the next stale hit. Measured on the clock's uptime: it lives only in this process.
///
/// Bounded: at most ``limit`` keys are remembered; the ones whose wait is long over go first.
final class RefreshBackoff: Sendable {
    private struct Failure {
        var count: Int
        var until: Duration
        var error: WeatherError
    }

    static let limit = 10_000

    private let failures = Mutex<[CacheKey: Failure]>([:])
    private let policy: RetryPolicy
    private let clock: any WeatherClock
    private let random: WeatherRandom

    init(policy: RetryPolicy, clock: any WeatherClock, random: WeatherRandom) {
        self.policy = policy
        self.clock = clock
        self.random = random
    }

    /// The last failure of `key` while its wait lasts, marked as such; `nil` when it may be refreshed.
    func blocked(_ key: CacheKey) -> WeatherError? {
        let uptime = clock.uptime
        guard let failure = failures.withLock({ $0[key] }), failure.until > uptime else { return nil }
        var error = failure.error
        let wait = Int((failure.until - uptime).seconds.rounded(.up))
        error.underlying =
            "the last \(failure.count) refresh(es) of this key failed; no upstream call for \(wait) s"
            + (error.underlying.map { " (\($0))" } ?? "")
        return error
    }

    /// Records a failed refresh of `key` and starts its wait.
    func recordFailure(_ key: CacheKey, _ error: WeatherError) {
        let uptime = clock.uptime
        let unit = random.unit()
        failures.withLock { all in
            let count = (all[key]?.count ?? 0) + 1
            let delay = policy.refreshFailureDelay(afterFailures: count, unit: unit)
            if all[key] == nil, all.count >= Self.limit {
                Self.prune(&all, uptime: uptime, keep: policy.maxRefreshFailureBackoff)
            }
            all[key] = Failure(count: count, until: uptime + delay, error: error)
        }
    }

    /// Forgets `key`'s failures after a refresh that worked.
    func recordSuccess(_ key: CacheKey) {
        failures.withLock { all in
            if !all.isEmpty { all[key] = nil }
        }
    }

    /// Drops keys whose wait ended more than the longest delay ago; if none, the one that ended first.
    private static func prune(_ all: inout [CacheKey: Failure], uptime: Duration, keep: Duration) {
        let before = all.count
        all = all.filter { uptime - $0.value.until < keep }
        if all.count == before, let oldest = all.min(by: { $0.value.until < $1.value.until }) {
            all[oldest.key] = nil
        }
    }
}
