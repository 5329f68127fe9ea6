import Foundation
import WeatherCore
import WeatherTesting
import XCTest

final class MemoryCacheStoreTests: XCTestCase {
    private func entry(_ size: Int = 10) -> CacheEntry {
        CacheEntry(
            body: Array(repeating: 7, count: size), fetchedAt: .distantPast, freshUntil: .distantFuture,
            staleUntil: .distantFuture)
    }

    private func key(_ i: Int) -> CacheKey { CacheKey(rawValue: "k\(i)") }

    func testEvictsLeastRecentlyUsedByCount() async throws {
        let store = MemoryCacheStore(maxEntries: 3, clock: ManualClock())
        for i in 0..<3 { try await store.set(key(i), to: entry(), ttl: .seconds(60)) }
        _ = try await store.get(key(0))  // 0 becomes most recent; 1 is now least recent
        try await store.set(key(3), to: entry(), ttl: .seconds(60))
        XCTAssertEqual(store.count, 3)
        let evicted = try await store.get(key(1))
        XCTAssertNil(evicted)
        XCTAssertEqual(store.keysByRecency, [key(3), key(0), key(2)])
    }

    func testEvictsByBytes() async throws {
        // each entry costs body + key + overhead: 1,000 + 2 + 96 bytes; three fit in 3,300
        let store = MemoryCacheStore(maxEntries: 100, maxBytes: 3_300, clock: ManualClock())
        for i in 0..<3 { try await store.set(key(i), to: entry(1_000), ttl: .seconds(60)) }
        XCTAssertEqual(store.count, 3)
        try await store.set(key(3), to: entry(1_000), ttl: .seconds(60))
        XCTAssertEqual(store.count, 3)
        XCTAssertLessThanOrEqual(store.byteCount, 3_300)
        let evicted = try await store.get(key(0))
        XCTAssertNil(evicted)
        // a larger entry evicts as many as needed
        try await store.set(key(9), to: entry(2_000), ttl: .seconds(60))
        XCTAssertEqual(store.keysByRecency, [key(9), key(3)])
    }

    func testEntryLargerThanTheStoreIsNotStoredAndEvictsNothing() async throws {
        let store = MemoryCacheStore(maxEntries: 10, maxBytes: 500, clock: ManualClock())
        try await store.set(key(0), to: entry(10), ttl: .seconds(60))
        try await store.set(key(1), to: entry(1_000), ttl: .seconds(60))
        XCTAssertEqual(store.keysByRecency, [key(0)])
    }

    func testExpiresByTheInjectedClock() async throws {
        let clock = ManualClock()
        let store = MemoryCacheStore(clock: clock)
        try await store.set(key(0), to: entry(), ttl: .seconds(60))
        clock.advance(by: .seconds(59))
        let live = try await store.get(key(0))
        XCTAssertNotNil(live)
        clock.advance(by: .seconds(1))
        let expired = try await store.get(key(0))
        XCTAssertNil(expired)
        XCTAssertEqual(store.count, 0)
        XCTAssertEqual(store.byteCount, 0)
    }

    func testPurgeExpiredDropsOnlyExpiredEntries() async throws {
        let clock = ManualClock()
        let store = MemoryCacheStore(clock: clock)
        for i in 0..<6 { try await store.set(key(i), to: entry(), ttl: .seconds(i.isMultiple(of: 2) ? 10 : 100)) }
        clock.advance(by: .seconds(10))
        XCTAssertEqual(store.purgeExpired(), 3)
        XCTAssertEqual(store.keysByRecency, [key(5), key(3), key(1)])
        XCTAssertEqual(store.byteCount, 3 * (10 + 2 + 96))
    }

    func testReplaceDeleteAndNonPositiveTTL() async throws {
        let store = MemoryCacheStore(clock: ManualClock())
        try await store.set(key(0), to: entry(10), ttl: .seconds(60))
        try await store.set(key(0), to: entry(20), ttl: .seconds(60))
        XCTAssertEqual(store.count, 1)
        let replaced = try await store.get(key(0))
        XCTAssertEqual(replaced?.body.count, 20)
        try await store.set(key(0), to: entry(), ttl: .zero)
        XCTAssertEqual(store.count, 0)
        try await store.set(key(1), to: entry(), ttl: .seconds(1))
        try await store.delete(key(1))
        XCTAssertEqual(store.count, 0)
        XCTAssertEqual(store.byteCount, 0)
    }

    func testConcurrentUseKeepsBounds() async throws {
        let store = MemoryCacheStore(maxEntries: 50, maxBytes: 20_000, clock: ManualClock())
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<400 {
                let key = key(i % 120)
                let other = self.key((i * 7) % 120)
                let entry = entry(i % 300)
                group.addTask {
                    try? await store.set(key, to: entry, ttl: .seconds(60))
                    _ = try? await store.get(other)
                    if i % 13 == 0 { try? await store.delete(key) }
                }
            }
        }
        XCTAssertLessThanOrEqual(store.count, 50)
        XCTAssertLessThanOrEqual(store.byteCount, 20_000)
        XCTAssertEqual(store.keysByRecency.count, store.count)
    }

    // Issue 11, item 10: maxBytes bounds the memory bodies hold, not only the bytes they use.
    func testMaxBytesHoldsForBodiesWithSpareCapacity() async throws {
        let clock = ManualClock()
        let maxBytes = 1 << 20
        let store = MemoryCacheStore(maxEntries: 10_000, maxBytes: maxBytes, clock: clock)
        var keys: [CacheKey] = []
        for i in 0..<200 {
            var body = [UInt8](repeating: UInt8(i % 251), count: 1024)
            body.reserveCapacity(64 * 1024)  // as a body grown by appends, or cut from a larger buffer
            let key = CacheKey(rawValue: "k\(i)")
            keys.append(key)
            let now = clock.now
            try await store.set(
                key, to: CacheEntry(body: body, fetchedAt: now, freshUntil: now + 600, staleUntil: now + 900),
                ttl: .seconds(900))
        }
        var held = 0
        var bodiesIntact = true
        for (i, key) in keys.enumerated() {
            guard let entry = try await store.get(key) else { continue }
            held += entry.body.capacity + key.rawValue.utf8.count
            bodiesIntact = bodiesIntact && entry.body == [UInt8](repeating: UInt8(i % 251), count: 1024)
        }
        XCTAssertLessThanOrEqual(held, maxBytes + maxBytes / 10, "bodies hold \(held) bytes for a \(maxBytes) bound")
        XCTAssertTrue(bodiesIntact)
        XCTAssertEqual(store.count, 200, "compact bodies all fit")
    }
}
