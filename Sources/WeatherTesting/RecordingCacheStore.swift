import Synchronization
public import WeatherCore

/// Wraps a ``/WeatherCore/CacheStore``, records every call, and can be told to fail like a cache that is down.
///
/// ```swift
/// let store = RecordingCacheStore(MemoryCacheStore(clock: clock))
/// store.isFailing = true          // every call now throws `.cacheUnavailable`
/// ```
public final class RecordingCacheStore: CacheStore {
    /// One recorded call.
    public enum Operation: Sendable, Equatable {
        /// `get`, and whether it found an entry (`false` as well when it failed).
        case get(CacheKey, found: Bool)
        /// `set`, with the entry and TTL.
        case set(CacheKey, CacheEntry, ttl: Duration)
        /// `delete`.
        case delete(CacheKey)
    }

    private struct State {
        var operations: [Operation] = []
        var failing = false
    }

    private let base: any CacheStore
    private let lock: (any RefreshLock)?
    private let state = Mutex(State())

    /// Wraps `base`; offers `refreshLock` instead of the base store's when one is given.
    public init(_ base: any CacheStore, refreshLock: (any RefreshLock)? = nil) {
        self.base = base
        self.lock = refreshLock
    }

    /// Every call so far, in order.
    public var operations: [Operation] { state.withLock { $0.operations } }

    /// The keys passed to `set`, in order.
    public var setKeys: [CacheKey] {
        operations.compactMap { if case .set(let key, _, _) = $0 { key } else { nil } }
    }

    /// How many times `get` was called, failed calls included.
    public var getCount: Int {
        operations.count { if case .get = $0 { true } else { false } }
    }

    /// The TTL given to the last `set` of `key`, or `nil` when it was never set.
    public func lastTTL(for key: CacheKey) -> Duration? {
        operations.last { if case .set(key, _, _) = $0 { true } else { false } }
            .flatMap { if case .set(_, _, let ttl) = $0 { ttl } else { nil } }
    }

    /// When `true`, every call is recorded and then throws ``/WeatherCore/WeatherError/Code/cacheUnavailable``.
    public var isFailing: Bool {
        get { state.withLock { $0.failing } }
        set { state.withLock { $0.failing = newValue } }
    }

    /// Forgets the recorded calls.
    public func reset() { state.withLock { $0.operations.removeAll() } }

    /// Forwards to the wrapped store.
    public func get(_ key: CacheKey) async throws -> CacheEntry? {
        if isFailing {
            record(.get(key, found: false))
            throw Self.unavailable
        }
        let entry = try await base.get(key)
        record(.get(key, found: entry != nil))
        return entry
    }

    /// Forwards to the wrapped store.
    public func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {
        record(.set(key, entry, ttl: ttl))
        if isFailing { throw Self.unavailable }
        try await base.set(key, to: entry, ttl: ttl)
    }

    /// Forwards to the wrapped store.
    public func delete(_ key: CacheKey) async throws {
        record(.delete(key))
        if isFailing { throw Self.unavailable }
        try await base.delete(key)
    }

    /// The lock given to the initializer, else the wrapped store's.
    public var refreshLock: (any RefreshLock)? { lock ?? base.refreshLock }

    private func record(_ operation: Operation) { state.withLock { $0.operations.append(operation) } }

    private static let unavailable = WeatherError(
        code: .cacheUnavailable, message: "RecordingCacheStore is set to fail; set isFailing = false to recover"
    )
}
