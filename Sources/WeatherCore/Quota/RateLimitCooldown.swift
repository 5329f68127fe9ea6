import Synchronization

/// After a 429, no upstream call is made until the cooldown ends (OpenWeather's `Retry-After`,
/// or the default); lookups meanwhile serve stale data or throw ``WeatherError/Code/rateLimited``.
///
/// Measured on the clock's ``WeatherClock/uptime``: a wall clock stepped back cannot stretch it.
final class RateLimitCooldown: Sendable {
    private let until = Mutex<Duration?>(nil)
    private let clock: any WeatherClock

    init(clock: any WeatherClock) {
        self.clock = clock
    }

    /// Starts or extends the cooldown to `duration` from now (never shortens it).
    func start(_ duration: Duration) {
        let end = clock.uptime + duration
        until.withLock { current in
            if current.map({ $0 < end }) ?? true { current = end }
        }
    }

    /// The time left, rounded up to the millisecond, or `nil` when upstream may be called.
    func remaining() -> Duration? {
        let now = clock.uptime
        return until.withLock { end -> Duration? in
            guard let end, end > now else { return nil }
            let left = end - now
            let milliseconds = Int64((left.seconds * 1000).rounded(.up))
            return .milliseconds(milliseconds)
        }
    }
}
