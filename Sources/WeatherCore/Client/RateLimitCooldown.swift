import Foundation
import Synchronization

/// After a 429, no upstream call is made until the cooldown ends (OpenWeather's `Retry-After`,
/// or the default); lookups meanwhile serve stale data or throw ``WeatherError/Code/rateLimited``.
final class RateLimitCooldown: Sendable {
    private let until = Mutex<Date?>(nil)
    private let clock: any WeatherClock

    init(clock: any WeatherClock) {
        self.clock = clock
    }

    /// Starts or extends the cooldown to `duration` from now (never shortens it).
    func start(_ duration: Duration) {
        let end = clock.now.addingTimeInterval(duration.seconds)
        until.withLock { current in
            if current.map({ $0 < end }) ?? true { current = end }
        }
    }

    /// The time left, or `nil` when upstream may be called.
    func remaining() -> Duration? {
        let now = clock.now
        return until.withLock { end -> Duration? in
            guard let end, end > now else { return nil }
            return .milliseconds(Int64((end.timeIntervalSince(now) * 1000).rounded(.up)))
        }
    }
}
