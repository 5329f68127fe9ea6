import Foundation

/// The storage behind ``MemoryCacheStore``: a dictionary from key to slot plus a doubly linked
/// list threaded through an array of slots by index, so lookup, touch, insert and evict are O(1).
///
/// Not thread-safe by itself; ``MemoryCacheStore`` guards it with a mutex.
struct LRUTable {
    struct Slot {
        var key: CacheKey
        var entry: CacheEntry
        var expiresAt: Date
        var cost: Int
        var previous: Int  // towards the most recently used end; -1 at the head
        var next: Int  // towards the least recently used end; -1 at the tail
    }

    /// Bytes charged per entry on top of the body and key, for the slot and dictionary overhead.
    static let overhead = 96

    let maxEntries: Int
    let maxBytes: Int
    private var slots: [Slot] = []
    private var free: [Int] = []
    private var index: [CacheKey: Int] = [:]
    private var head = -1
    private var tail = -1
    private(set) var totalCost = 0

    init(maxEntries: Int, maxBytes: Int) {
        self.maxEntries = max(1, maxEntries)
        self.maxBytes = max(1, maxBytes)
    }

    var count: Int { index.count }

    /// What `entry` is charged under `key`: body, key and overhead. Bodies are ``compacted(_:)``
    /// when stored, so their size is also, within 1/16 (or 64 bytes), the memory they hold.
    static func cost(of key: CacheKey, _ entry: CacheEntry) -> Int {
        key.rawValue.utf8.count + entry.body.count + overhead
    }

    /// `entry` with a body that allocates no more than it uses (within 1/16, or 64 bytes): a body
    /// grown by appends or cut from a larger buffer may hold twice its size or more, which
    /// ``maxBytes`` would otherwise not see.
    static func compacted(_ entry: CacheEntry) -> CacheEntry {
        let body = entry.body
        guard body.capacity > body.count + max(64, body.count / 16) else { return entry }
        var compact = entry
        compact.body = [UInt8](unsafeUninitializedCapacity: body.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: body)
        }
        return compact
    }

    /// Returns the live entry and marks it most recently used; drops it when expired.
    mutating func get(_ key: CacheKey, now: Date) -> CacheEntry? {
        guard let i = index[key] else { return nil }
        if slots[i].expiresAt <= now {
            remove(at: i)
            return nil
        }
        unlink(i)
        pushFront(i)
        return slots[i].entry
    }

    /// Inserts or replaces, then evicts least recently used entries until both bounds hold.
    /// Returns the keys evicted (not the replaced one).
    @discardableResult
    mutating func set(_ key: CacheKey, _ entry: CacheEntry, expiresAt: Date) -> [CacheKey] {
        let entry = Self.compacted(entry)
        let cost = Self.cost(of: key, entry)
        if let i = index[key] { remove(at: i) }
        guard cost <= maxBytes else { return [] }  // could never fit: do not flush the cache for it
        let slot = Slot(key: key, entry: entry, expiresAt: expiresAt, cost: cost, previous: -1, next: -1)
        let i: Int
        if let reused = free.popLast() {
            slots[reused] = slot
            i = reused
        } else {
            slots.append(slot)
            i = slots.count - 1
        }
        index[key] = i
        totalCost += cost
        pushFront(i)
        var evicted: [CacheKey] = []
        while index.count > maxEntries || totalCost > maxBytes, tail != -1, tail != i {
            evicted.append(slots[tail].key)
            remove(at: tail)
        }
        return evicted
    }

    /// Removes `key` if present.
    mutating func delete(_ key: CacheKey) {
        if let i = index[key] { remove(at: i) }
    }

    /// Drops every expired entry (O(n)); returns how many.
    mutating func purgeExpired(now: Date) -> Int {
        var removed = 0
        var i = tail
        while i != -1 {
            let previous = slots[i].previous
            if slots[i].expiresAt <= now {
                remove(at: i)
                removed += 1
            }
            i = previous
        }
        return removed
    }

    /// Keys from most to least recently used (for tests and debugging; O(n)).
    var keysByRecency: [CacheKey] {
        var keys: [CacheKey] = []
        var i = head
        while i != -1 {
            keys.append(slots[i].key)
            i = slots[i].next
        }
        return keys
    }

    private mutating func remove(at i: Int) {
        unlink(i)
        index[slots[i].key] = nil
        totalCost -= slots[i].cost
        slots[i].entry.body = []  // release the body now, not when the slot is reused
        free.append(i)
    }

    private mutating func unlink(_ i: Int) {
        let (p, n) = (slots[i].previous, slots[i].next)
        if p != -1 { slots[p].next = n } else { head = n }
        if n != -1 { slots[n].previous = p } else { tail = p }
        slots[i].previous = -1
        slots[i].next = -1
    }

    private mutating func pushFront(_ i: Int) {
        slots[i].next = head
        slots[i].previous = -1
        if head != -1 { slots[head].previous = i }
        head = i
        if tail == -1 { tail = i }
    }
}
