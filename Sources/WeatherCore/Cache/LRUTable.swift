package import Foundation

/// A least-recently-used table bounded by entry count and by a cost the caller assigns (bytes):
/// a dictionary from key to slot plus a doubly linked list threaded through an array of slots by
/// index, so lookup, touch, insert and evict are O(1). Entries expire at an instant.
///
/// The storage behind ``MemoryCacheStore`` and the service's near-cache of encoded bodies. Not
/// thread-safe by itself: owners guard it with a mutex.
package struct LRUTable<Key: Hashable, Value> {
    struct Slot {
        var key: Key
        var value: Value?  // nil once removed, so the value is released now, not when the slot is reused
        var expiresAt: Date
        var cost: Int
        var previous: Int  // towards the most recently used end; -1 at the head
        var next: Int  // towards the least recently used end; -1 at the tail
    }

    /// The most entries kept.
    package let maxEntries: Int
    /// The most cost kept, all entries together.
    package let maxCost: Int
    private var slots: [Slot] = []
    private var free: [Int] = []
    private var index: [Key: Int] = [:]
    private var head = -1
    private var tail = -1
    /// The cost of the entries held.
    package private(set) var totalCost = 0

    /// An empty table; both bounds are at least 1.
    package init(maxEntries: Int, maxCost: Int) {
        self.maxEntries = max(1, maxEntries)
        self.maxCost = max(1, maxCost)
    }

    /// The number of entries held, expired ones not yet dropped included.
    package var count: Int { index.count }

    /// Returns the live value and marks it most recently used; drops it when expired.
    package mutating func get(_ key: Key, now: Date) -> Value? {
        guard let i = index[key] else { return nil }
        if slots[i].expiresAt <= now {
            remove(at: i)
            return nil
        }
        unlink(i)
        pushFront(i)
        return slots[i].value
    }

    /// Inserts or replaces, then evicts least recently used entries until both bounds hold.
    /// Returns the keys evicted (not the replaced one). A value costing more than ``maxCost``
    /// is not stored (and does not flush the table).
    @discardableResult
    package mutating func set(_ key: Key, _ value: Value, cost: Int, expiresAt: Date) -> [Key] {
        if let i = index[key] { remove(at: i) }
        guard cost <= maxCost else { return [] }
        let slot = Slot(key: key, value: value, expiresAt: expiresAt, cost: cost, previous: -1, next: -1)
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
        var evicted: [Key] = []
        while index.count > maxEntries || totalCost > maxCost, tail != -1, tail != i {
            evicted.append(slots[tail].key)
            remove(at: tail)
        }
        return evicted
    }

    /// Removes `key` if present.
    package mutating func delete(_ key: Key) {
        if let i = index[key] { remove(at: i) }
    }

    /// Drops every expired entry (O(n)); returns how many.
    package mutating func purgeExpired(now: Date) -> Int {
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
    package var keysByRecency: [Key] {
        var keys: [Key] = []
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
        slots[i].value = nil
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
