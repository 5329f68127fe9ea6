import Foundation
import Synchronization

/// An in-process ``CacheStore``: least-recently-used eviction bounded by entry count and bytes,
/// expiry by the injected clock, O(1) per operation, safe to share between tasks.
///
/// Use it alone for one process, or in front of `WeatherCache.RedisCacheStore` as a first level.
///
/// ```swift
/// let store = MemoryCacheStore(maxEntries: 10_000, maxBytes: 64 << 20)
/// ```
public final class MemoryCacheStore: CacheStore {
    private let table: Mutex<LRUTable<CacheKey, CacheEntry>>
    private let clock: any WeatherClock

    /// Creates an empty store.
    ///
    /// - Parameters:
    ///   - maxEntries: the most entries kept; the least recently used go first.
    ///   - maxBytes: the most bytes kept, counting the memory bodies allocate (a body holding more
    ///     capacity than it uses is copied to a compact one when stored), keys and a fixed per-entry overhead.
    ///     A single entry larger than this is not stored.
    ///   - clock: decides when entries expire.
    public init(maxEntries: Int = 10_000, maxBytes: Int = 64 << 20, clock: any WeatherClock = SystemClock()) {
        self.table = Mutex(LRUTable(maxEntries: maxEntries, maxCost: maxBytes))
        self.clock = clock
    }

    /// Returns the live entry under `key` and marks it recently used; `nil` when absent or expired.
    public func get(_ key: CacheKey) async throws -> CacheEntry? {
        let now = clock.now
        return table.withLock { $0.get(key, now: now) }
    }

    /// Stores `entry` for `ttl` (a non-positive `ttl` deletes), evicting as needed.
    public func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {
        let now = clock.now
        guard ttl > .zero else {
            table.withLock { $0.delete(key) }
            return
        }
        let expiresAt = now.addingTimeInterval(ttl.seconds)
        let entry = Self.compacted(entry)
        let cost = Self.cost(of: key, entry)
        table.withLock { _ = $0.set(key, entry, cost: cost, expiresAt: expiresAt) }
    }

    /// Removes the entry under `key`.
    public func delete(_ key: CacheKey) async throws {
        table.withLock { $0.delete(key) }
    }

    /// Drops every expired entry now (O(n)) and returns how many. Expired entries are otherwise
    /// dropped when read or evicted; call this periodically to return their memory sooner.
    @discardableResult
    public func purgeExpired() -> Int {
        let now = clock.now
        return table.withLock { $0.purgeExpired(now: now) }
    }

    /// The number of entries held, expired ones not yet dropped included.
    public var count: Int { table.withLock { $0.count } }

    /// The bytes charged for the entries held.
    public var byteCount: Int { table.withLock { $0.totalCost } }

    /// Bytes charged per entry on top of the body and key, for the slot and dictionary overhead.
    static let overhead = 96

    /// What `entry` is charged under `key`: body, key and overhead. Bodies are ``compacted(_:)``
    /// when stored, so their size is also, within 1/16 (or 64 bytes), the memory they hold.
    static func cost(of key: CacheKey, _ entry: CacheEntry) -> Int {
        key.rawValue.utf8.count + entry.body.count + overhead
    }

    /// `entry` with a body that allocates no more than it uses (within 1/16, or 64 bytes): a body
    /// grown by appends or cut from a larger buffer may hold twice its size or more, which
    /// `maxBytes` would otherwise not see.
    static func compacted(_ entry: CacheEntry) -> CacheEntry {
        let body = entry.body
        guard body.capacity > body.count + max(64, body.count / 16) else { return entry }
        var compact = entry
        compact.body = [UInt8](unsafeUninitializedCapacity: body.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: body)
        }
        return compact
    }

    /// Keys from most to least recently used (O(n); for tests and debugging).
    public var keysByRecency: [CacheKey] { table.withLock { $0.keysByRecency } }
}
