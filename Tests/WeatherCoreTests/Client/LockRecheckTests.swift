import Foundation
import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

/// A replica that takes the refresh lock just after another replica wrote the key and released
/// it must serve that entry, not ask upstream a second time.
final class LockRecheckTests: XCTestCase {
    /// Misses for the first `misses` reads, as if the other replica's write landed just after them.
    private final class LateWriteStore: CacheStore {
        let entry: CacheEntry
        let misses: Int
        let reads = Atomic<Int>(0)
        let lock: InMemoryRefreshLock

        init(entry: CacheEntry, misses: Int, lock: InMemoryRefreshLock) {
            self.entry = entry
            self.misses = misses
            self.lock = lock
        }

        func get(_ key: CacheKey) async throws -> CacheEntry? {
            reads.add(1, ordering: .relaxed).newValue > misses ? entry : nil
        }
        func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {}
        func delete(_ key: CacheKey) async throws {}
        var refreshLock: (any RefreshLock)? { lock }
    }

    func testTheStoreIsReadAgainUnderTheLock() async throws {
        let clock = ManualClock()
        let body = Array(Reading.json(temp: 7).utf8)
        let entry = CacheEntry(
            body: body, fetchedAt: clock.now, freshUntil: clock.now.addingTimeInterval(600),
            staleUntil: clock.now.addingTimeInterval(900))
        let lock = InMemoryRefreshLock(clock: clock)
        // The lookup's read misses; the refresh takes the lock on that read, so the next is the one under the lock.
        let store = LateWriteStore(entry: entry, misses: 1, lock: lock)
        let transport = ScriptedTransport(clock: clock)
        transport.always(.any, .json(Reading.json(temp: 1)))
        let client = WeatherClient(
            transport: transport, cache: store, configuration: .init(quota: .unlimited), clock: clock,
            random: .constant(0.5))
        let result = try await client.fetch(Harness.request(), as: Reading.self)
        XCTAssertEqual(result.value.temp, 7, "the entry the other replica wrote")
        XCTAssertEqual(result.cacheStatus, .hit)
        XCTAssertEqual(transport.requestCount, 0, "no second upstream call for the key")
        XCTAssertEqual(lock.acquired.count, 1)
        XCTAssertEqual(lock.released.count, 1, "the lock is released at once")
        XCTAssertEqual(store.reads.load(ordering: .relaxed), 2)
    }

    /// With Redis behind the store every read is a round trip: a miss reads the key twice (the
    /// lookup, then under the lock), not again before the lock nor again before writing.
    func testAMissReadsTheStoreOnceBeforeAndOnceUnderTheLock() async throws {
        let clock = ManualClock()
        let lock = InMemoryRefreshLock(clock: clock)
        let unused = CacheEntry(body: [], fetchedAt: clock.now, freshUntil: clock.now, staleUntil: clock.now)
        let store = LateWriteStore(entry: unused, misses: .max, lock: lock)
        let transport = ScriptedTransport(clock: clock)
        transport.always(.any, .json(Reading.json(temp: 3)))
        let client = WeatherClient(
            transport: transport, cache: store, configuration: .init(quota: .unlimited), clock: clock,
            random: .constant(0.5))
        let result = try await client.fetch(Harness.request(), as: Reading.self)
        XCTAssertEqual(result.cacheStatus, .miss)
        XCTAssertEqual(transport.requestCount, 1)
        XCTAssertEqual(store.reads.load(ordering: .relaxed), 2)
    }
}
