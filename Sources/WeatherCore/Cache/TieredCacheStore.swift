import Foundation

/// A small, short-lived front store (in process) in front of a shared back store (Redis), so
/// that hot keys do not pay a network round trip on every hit.
///
/// - `get`: the front first; on a front miss, the back, and a back hit is copied into the front
///   for ``frontTTL`` or until the entry stops being usable, whichever comes first.
/// - `set` and `delete`: both stores. The front is always updated; an error of the back store is
///   rethrown afterwards (callers treat `cacheUnavailable` as a miss anyway).
/// - ``refreshLock``: the back store's, since the lock must be shared between replicas.
///
/// A front TTL of a few seconds bounds how long a replica can serve an entry that another
/// replica has since replaced or deleted.
public struct TieredCacheStore: CacheStore {
    /// The in-process store consulted first (typically `MemoryCacheStore`).
    public let front: any CacheStore
    /// The shared store behind it (typically `RedisCacheStore`).
    public let back: any CacheStore
    /// How long a back-store hit stays in the front store at most.
    public let frontTTL: Duration
    private let clock: any WeatherClock

    /// Creates a tiered store; `frontTTL` should be short (1–5 s) because the front store of one
    /// replica does not see the writes of the others.
    public init(
        front: any CacheStore, back: any CacheStore, frontTTL: Duration = .seconds(2),
        clock: any WeatherClock = SystemClock()
    ) {
        self.front = front
        self.back = back
        self.frontTTL = frontTTL
        self.clock = clock
    }

    /// A ``MemoryCacheStore`` of at most `maxEntries` entries in front of `back`.
    public init(
        back: any CacheStore, frontTTL: Duration = .seconds(2), maxEntries: Int = 1_000,
        clock: any WeatherClock = SystemClock()
    ) {
        self.init(
            front: MemoryCacheStore(maxEntries: maxEntries, clock: clock), back: back, frontTTL: frontTTL, clock: clock)
    }

    /// The back store's lock.
    public var refreshLock: (any RefreshLock)? { back.refreshLock }

    /// The front store's entry, else the back store's (copied into the front).
    public func get(_ key: CacheKey) async throws -> CacheEntry? {
        if let entry = try? await front.get(key) { return entry }
        guard let entry = try await back.get(key) else { return nil }
        let usableFor = entry.staleUntil.timeIntervalSince(clock.now)
        let ttl = min(frontTTL, .milliseconds(Int64((usableFor * 1000).rounded(.down))))
        if ttl > .zero {
            try? await front.set(key, to: entry, ttl: ttl)
        }
        return entry
    }

    /// Stores in both; the front for at most ``frontTTL``.
    public func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {
        try? await front.set(key, to: entry, ttl: min(ttl, frontTTL))
        try await back.set(key, to: entry, ttl: ttl)
    }

    /// Deletes from both.
    public func delete(_ key: CacheKey) async throws {
        try? await front.delete(key)
        try await back.delete(key)
    }
}
