public import Foundation

/// The time source for everything that expires: cache freshness, backoff, cooldowns, quotas.
///
/// It offers two readings. ``now`` is wall time (`Date`): cache entries are shared between
/// processes through Redis, so their freshness is measured in it. ``uptime`` never goes
/// backwards: what lives only in this process (the call budget's window, a 429 cooldown, the
/// backoff after failed refreshes) is measured in it, so a wall clock stepped back (NTP, an
/// operator) cannot stall every call. ``SystemClock`` is the real one; `WeatherTesting.ManualClock`
/// lets tests move time forward, or step its wall clock, without sleeping.
public protocol WeatherClock: Sendable {
    /// The current wall-clock time.
    var now: Date { get }
    /// Time elapsed since a fixed origin of this clock; never decreases, whatever the wall clock does.
    var uptime: Duration { get }
    /// Suspends the calling task for `duration` of this clock's time.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while sleeping.
    func sleep(for duration: Duration) async throws
}

extension WeatherClock {
    /// Wall time since 1970 for clocks written before ``uptime`` existed: monotonic only as far as
    /// ``now`` is. Conformers should provide a real monotonic reading.
    public var uptime: Duration {
        .nanoseconds(Int64((now.timeIntervalSince1970 * 1e9).rounded()))
    }
}

/// The system's clocks: `Date()` for wall time, `ContinuousClock` for uptime and sleeping.
public struct SystemClock: WeatherClock {
    /// Creates the system clock.
    public init() {}

    /// `Date()`.
    public var now: Date { Date() }

    /// `ContinuousClock` time since the first use of `SystemClock` in this process.
    public var uptime: Duration { Self.origin.duration(to: ContinuousClock.now) }

    /// `Task.sleep(for:)` on the continuous clock.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }

    private static let origin = ContinuousClock.now
}

extension Duration {
    /// The duration as fractional seconds, for `Date` arithmetic (`package`: no public extension
    /// of a standard-library type, which could clash with a user's or a future standard one).
    package var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
