import Foundation
import Synchronization
public import WeatherCore

/// A ``/WeatherCore/RefreshLock`` in memory: lets tests play "another replica holds the lock" and
/// see what the code under test acquired and released. Locks expire after their TTL on `clock`;
/// ``breakConnection(_:)`` plays the lock's backend going away, as `RedisRefreshLock` without Redis.
///
/// ```swift
/// let lock = InMemoryRefreshLock(clock: clock)
/// let store = RecordingCacheStore(MemoryCacheStore(clock: clock), refreshLock: lock)
/// lock.holdElsewhere(key)          // the client must now wait for "the other replica"
/// ```
public final class InMemoryRefreshLock: RefreshLock {
    private struct Holder {
        var value: String
        var expiresAt: Date
    }

    private struct State {
        var holders: [CacheKey: Holder] = [:]
        var acquired: [RefreshLockToken] = []
        var released: [RefreshLockToken] = []
        var ttls: [Duration] = []
        var next = 0
        var unreachable = false
    }

    private let state = Mutex(State())
    private let clock: any WeatherClock

    /// Creates a lock whose TTLs run on `clock`.
    public init(clock: any WeatherClock) {
        self.clock = clock
    }

    /// Marks `key` as held by someone else for `ttl` (an hour by default), as another replica would.
    public func holdElsewhere(_ key: CacheKey, for ttl: Duration = .seconds(3600)) {
        let expiresAt = clock.now.addingTimeInterval(ttl.seconds)
        state.withLock { $0.holders[key] = Holder(value: "elsewhere", expiresAt: expiresAt) }
    }

    /// Releases a hold made with ``holdElsewhere(_:for:)``.
    public func releaseElsewhere(_ key: CacheKey) {
        state.withLock { s in
            if s.holders[key]?.value == "elsewhere" { s.holders[key] = nil }
        }
    }

    /// Makes every ``acquire(_:ttl:)`` and ``release(_:)`` throw `cacheUnavailable` (`true`), or work again (`false`).
    public func breakConnection(_ broken: Bool = true) {
        state.withLock { $0.unreachable = broken }
    }

    /// The tokens handed out by ``acquire(_:ttl:)``, in order.
    public var acquired: [RefreshLockToken] { state.withLock { $0.acquired } }

    /// The TTL of every ``acquire(_:ttl:)`` call, taken or not, in order.
    public var requestedTTLs: [Duration] { state.withLock { $0.ttls } }

    /// The tokens passed to ``release(_:)``, in order.
    public var released: [RefreshLockToken] { state.withLock { $0.released } }

    /// Takes the lock for `key` unless a live holder has it.
    ///
    /// - Throws: `cacheUnavailable` after ``breakConnection(_:)`` (the call's TTL is still recorded).
    public func acquire(_ key: CacheKey, ttl: Duration) async throws -> RefreshLockToken? {
        let now = clock.now
        return try state.withLock { s -> RefreshLockToken? in
            s.ttls.append(ttl)
            guard !s.unreachable else { throw Self.unreachable }
            if let holder = s.holders[key], holder.expiresAt > now { return nil }
            s.next += 1
            let token = RefreshLockToken(key: key, value: "token-\(s.next)")
            s.holders[key] = Holder(value: token.value, expiresAt: now.addingTimeInterval(ttl.seconds))
            s.acquired.append(token)
            return token
        }
    }

    /// Releases the lock if `token` still holds it, and records the call whether it did or not.
    ///
    /// - Throws: `cacheUnavailable` after ``breakConnection(_:)``, releasing and recording nothing.
    public func release(_ token: RefreshLockToken) async throws {
        try state.withLock { s in
            guard !s.unreachable else { throw Self.unreachable }
            if s.holders[token.key]?.value == token.value { s.holders[token.key] = nil }
            s.released.append(token)
        }
    }

    private static let unreachable = WeatherError(
        code: .cacheUnavailable, message: "InMemoryRefreshLock is set to be unreachable; call breakConnection(false)")
}
