import Foundation
import Synchronization
public import WeatherCore

/// A ``/WeatherCore/Lease`` in memory, shared by the "replicas" of a test: one holder at a time,
/// expiring `ttl` after the last acquire or renewal on `clock`. ``breakConnection(_:)`` plays
/// Redis going away: every call then throws `cacheUnavailable`.
public final class InMemoryLease: Lease {
    private struct State {
        var holder: String?
        var expiresAt = Date.distantPast
        var unreachable = false
        var acquisitions: [String] = []
    }

    private let state = Mutex(State())
    private let clock: any WeatherClock

    /// A free lease whose expiry runs on `clock`.
    public init(clock: any WeatherClock = SystemClock()) {
        self.clock = clock
    }

    /// Makes every call throw (`true`) or work again (`false`).
    public func breakConnection(_ broken: Bool = true) {
        state.withLock { $0.unreachable = broken }
    }

    /// Who holds the lease now, if anyone.
    public var holder: String? {
        let now = clock.now
        return state.withLock { $0.expiresAt > now ? $0.holder : nil }
    }

    /// Every holder that acquired the lease, in order.
    public var acquisitions: [String] { state.withLock { $0.acquisitions } }

    /// Takes the lease when it is free or expired.
    public func acquire(holder: String, ttl: Duration) async throws -> Bool {
        let now = clock.now
        return try state.withLock { s in
            guard !s.unreachable else { throw Self.unreachable }
            guard s.holder == nil || s.expiresAt <= now else { return false }
            s.holder = holder
            s.expiresAt = now.addingTimeInterval(ttl.seconds)
            s.acquisitions.append(holder)
            return true
        }
    }

    /// Extends the lease while `holder` holds it.
    public func renew(holder: String, ttl: Duration) async throws -> Bool {
        let now = clock.now
        return try state.withLock { s in
            guard !s.unreachable else { throw Self.unreachable }
            guard s.holder == holder, s.expiresAt > now else { return false }
            s.expiresAt = now.addingTimeInterval(ttl.seconds)
            return true
        }
    }

    /// Frees the lease if `holder` holds it.
    public func release(holder: String) async throws {
        try state.withLock { s in
            guard !s.unreachable else { throw Self.unreachable }
            if s.holder == holder { s.holder = nil }
        }
    }

    private static let unreachable = WeatherError(code: .cacheUnavailable, message: "the lease store is unreachable")
}
