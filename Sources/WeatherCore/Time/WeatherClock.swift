import Foundation

/// The time source for everything that expires: cache freshness, backoff, cooldowns, quotas.
///
/// Cache entries are shared between processes through Redis, so freshness is measured in wall
/// time (`Date`), not in a process-local monotonic clock. ``SystemClock`` is the real one;
/// `WeatherTesting.ManualClock` lets tests move time forward without sleeping.
public protocol WeatherClock: Sendable {
    /// The current wall-clock time.
    var now: Date { get }
    /// Suspends the calling task for `duration` of this clock's time.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while sleeping.
    func sleep(for duration: Duration) async throws
}

/// The system's wall clock, sleeping with `Task.sleep`.
public struct SystemClock: WeatherClock {
    /// Creates the system clock.
    public init() {}

    /// `Date()`.
    public var now: Date { Date() }

    /// `Task.sleep(for:)` on the continuous clock.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

extension Duration {
    /// The duration as fractional seconds.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
