/// Stores cache entries by key, with an expiry: the pluggable cache behind ``WeatherClient``.
///
/// ``MemoryCacheStore`` keeps entries in process; `WeatherCache.RedisCacheStore` shares them
/// between replicas. A store that fails throws ``WeatherError`` with code
/// ``WeatherError/Code/cacheUnavailable``; the client then treats the lookup as a miss, so the
/// service keeps answering while the cache is down.
///
/// A minimal conformer, good enough for a test:
///
/// ```swift
/// actor DictionaryCacheStore: CacheStore {
///     private var entries: [CacheKey: CacheEntry] = [:]
///     func get(_ key: CacheKey) async throws -> CacheEntry? { entries[key] }
///     func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws { entries[key] = entry }
///     func delete(_ key: CacheKey) async throws { entries[key] = nil }
/// }
/// ```
public protocol CacheStore: Sendable {
    /// Returns the entry stored under `key`, or `nil` when there is none or it has expired.
    func get(_ key: CacheKey) async throws -> CacheEntry?
    /// Stores `entry` under `key` for `ttl`; after that, ``get(_:)`` returns `nil`.
    func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws
    /// Removes the entry under `key`, if any.
    func delete(_ key: CacheKey) async throws
    /// A lock shared by every process using this store, so that one of them refreshes a key.
    ///
    /// `nil` (the default) for stores local to one process.
    var refreshLock: (any RefreshLock)? { get }
}

extension CacheStore {
    /// Process-local stores need no cross-process lock.
    public var refreshLock: (any RefreshLock)? { nil }
}

/// A short lock per cache key, shared by every replica, so that only one refreshes a key.
///
/// `WeatherCache.RedisCacheStore` implements it with `SET NX PX` and a random token; the lock
/// expires by itself, so a crashed holder never blocks the others for longer than `ttl`.
public protocol RefreshLock: Sendable {
    /// Tries once to take the lock for `key`; returns a token when this caller holds it, `nil` when another does.
    func acquire(_ key: CacheKey, ttl: Duration) async throws -> RefreshLockToken?
    /// Releases the lock if, and only if, `token` still holds it.
    func release(_ token: RefreshLockToken) async throws
}

/// Proof of holding a ``RefreshLock``: the key and a random value only the holder knows.
public struct RefreshLockToken: Sendable, Hashable {
    /// The key the lock protects.
    public var key: CacheKey
    /// The random value stored in the lock.
    public var value: String

    /// Creates a token.
    public init(key: CacheKey, value: String) {
        self.key = key
        self.value = value
    }
}
