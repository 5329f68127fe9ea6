import Foundation
import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

final class RefreshLockTests: XCTestCase {
    private func harness(retry: RetryPolicy = RetryPolicy(maxAttempts: 1)) -> (Harness, InMemoryRefreshLock) {
        let box = Mutex<InMemoryRefreshLock?>(nil)
        let h = Harness(
            retry: retry,
            refreshLock: { clock in
                let lock = InMemoryRefreshLock(clock: clock)
                box.withLock { $0 = lock }
                return lock
            })
        return (h, box.withLock { $0! })
    }

    func testHolderTakesAndReleasesTheLock() async throws {
        let (h, lock) = harness()
        h.transport.enqueue(.any, .json(Reading.json(temp: 1)))
        _ = try await h.reading()
        XCTAssertEqual(lock.acquired.count, 1)
        XCTAssertEqual(lock.released, lock.acquired)
    }

    func testWaiterUsesTheHoldersResultWithoutCallingUpstream() async throws {
        let (h, lock) = harness()
        let key = h.client.cacheKey(for: Harness.request())
        lock.holdElsewhere(key)
        let task = Task { try await h.reading() }
        try await h.clock.waitForSleepers(1)  // first poll
        let now = h.clock.now
        let entry = CacheEntry(
            body: Array(Reading.json(temp: 12).utf8), fetchedAt: now,
            freshUntil: now.addingTimeInterval(600), staleUntil: now.addingTimeInterval(900))
        try await h.store.set(key, to: entry, ttl: .seconds(900))  // the other replica's refresh lands
        h.clock.advance(by: .milliseconds(200))
        let result = try await task.value
        XCTAssertEqual(result.value.temp, 12)
        XCTAssertEqual(result.cacheStatus, .hit)
        XCTAssertEqual(h.transport.requestCount, 0)
    }

    func testWaiterServesStaleWhenTheHolderIsSlow() async throws {
        let (h, lock) = harness()
        try await h.prime(temp: 4)
        h.clock.advance(by: .seconds(1000))  // past SWR: a foreground refresh
        lock.holdElsewhere(h.client.cacheKey(for: Harness.request()))
        let task = Task { try await h.reading() }
        for _ in 0..<5 {
            try await h.clock.waitForSleepers(1)
            h.clock.advance(by: .milliseconds(200))
        }
        let result = try await task.value
        XCTAssertEqual(result.cacheStatus, .stale)
        XCTAssertEqual(result.value.temp, 4)
        XCTAssertEqual(h.transport.requestCount, 1, "only the priming call")
    }

    func testWaiterWithNothingToServeRefreshesItself() async throws {
        let (h, lock) = harness()
        lock.holdElsewhere(h.client.cacheKey(for: Harness.request()))
        h.transport.enqueue(.any, .json(Reading.json(temp: 6)))
        let task = Task { try await h.reading() }
        for _ in 0..<5 {
            try await h.clock.waitForSleepers(1)
            h.clock.advance(by: .milliseconds(200))
        }
        let result = try await task.value
        XCTAssertEqual(result.value.temp, 6)
        XCTAssertEqual(result.cacheStatus, .miss)
        XCTAssertEqual(h.transport.requestCount, 1)
    }

    // Issue 11, item 2: an error from the lock is not "another replica holds it".

    func testUnreachableLockIsSkippedNotWaitedFor() async throws {
        let (h, lock) = harness()
        lock.breakConnection()
        h.transport.enqueue(.any, .json(Reading.json(temp: 6)))
        let result = try await freeingSleepers(h.clock) { try await h.reading() }
        XCTAssertEqual(result.value.temp, 6)
        XCTAssertEqual(result.cacheStatus, .miss)
        XCTAssertEqual(h.clock.totalSleepCount, 0, "no poll for a holder that does not exist")
        XCTAssertEqual(h.transport.requestCount, 1)
        XCTAssertEqual(lock.requestedTTLs.count, 1, "one attempt to take the lock")
        XCTAssertFalse(h.observer.events(.cacheStoreError).isEmpty)
    }

    func testUnreachableLockDoesNotServeStaleWithoutAskingUpstream() async throws {
        let (h, lock) = harness()
        try await h.prime(temp: 4)
        h.clock.advance(by: .seconds(1000))  // past stale-while-revalidate: a foreground refresh
        lock.breakConnection()
        h.transport.enqueue(.any, .json(Reading.json(temp: 9, dt: 1_767_226_600)))
        let result = try await freeingSleepers(h.clock) { try await h.reading() }
        XCTAssertEqual(result.cacheStatus, .revalidated)
        XCTAssertEqual(result.value.temp, 9, "upstream was asked, not the stale entry served")
        XCTAssertEqual(h.clock.totalSleepCount, 0)
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    // Issue 11, item 3: the lock outlives every attempt of the refresh it guards.

    func testLockLivesLongerThanTheRefreshDeadline() async throws {
        let (h, lock) = harness(retry: RetryPolicy(maxAttempts: 3, deadline: .seconds(30)))
        h.transport.enqueue(.any, .json(Reading.json(temp: 1)))
        _ = try await h.reading()
        XCTAssertEqual(lock.requestedTTLs, [.seconds(32)], "the 30 s deadline plus the 2 s margin")
        XCTAssertEqual(h.transport.requests.first?.timeout, .seconds(5), "each attempt is bounded")
        let configuration = WeatherClient.Configuration(retry: RetryPolicy(deadline: .seconds(30)))
        XCTAssertEqual(configuration.refreshLockLifetime, .seconds(32))
    }
}
