import Foundation
import WeatherCache
import WeatherCore
import WeatherTesting
import XCTest

/// A short-lived front store in front of a shared back store.
final class TieredCacheStoreTests: XCTestCase {
    private let clock = ManualClock(start: Date(timeIntervalSince1970: 1_700_000_000))
    private var now: Date { clock.now }
    private let key = CacheKey(rawValue: "current:zurich")

    /// A memory store on the test's clock that records every call and can be told to fail.
    private func recordingStore(refreshLock: (any RefreshLock)? = nil) -> RecordingCacheStore {
        RecordingCacheStore(MemoryCacheStore(clock: clock), refreshLock: refreshLock)
    }

    private func entry(usableFor seconds: TimeInterval) -> CacheEntry {
        CacheEntry(
            body: [1], fetchedAt: now, freshUntil: now.addingTimeInterval(seconds / 2),
            staleUntil: now.addingTimeInterval(seconds)
        )
    }

    func testBackHitFillsTheFrontForTheShortTTLThenFrontServes() async throws {
        let front = recordingStore()
        let back = recordingStore()
        try await back.set(key, to: entry(usableFor: 600), ttl: .seconds(600))
        let store = TieredCacheStore(front: front, back: back, frontTTL: .seconds(2), clock: clock)

        let first = try await store.get(key)
        XCTAssertEqual(first, entry(usableFor: 600))
        XCTAssertEqual(front.lastTTL(for: key), .seconds(2))

        let second = try await store.get(key)
        XCTAssertEqual(second, first)
        XCTAssertEqual(back.getCount, 1, "the second get is served by the front")
    }

    func testFrontTTLNeverOutlivesTheEntry() async throws {
        let front = recordingStore()
        let back = recordingStore()
        try await back.set(key, to: entry(usableFor: 0.5), ttl: .seconds(1))
        let store = TieredCacheStore(front: front, back: back, frontTTL: .seconds(2), clock: clock)
        _ = try await store.get(key)
        XCTAssertEqual(front.lastTTL(for: key), .milliseconds(500))
    }

    func testUnusableEntryIsNotCopiedToTheFront() async throws {
        let front = recordingStore()
        let back = recordingStore()
        try await back.set(key, to: entry(usableFor: -1), ttl: .seconds(1))
        let store = TieredCacheStore(front: front, back: back, clock: clock)
        let read = try await store.get(key)
        XCTAssertNotNil(read, "the back's answer is returned as is; judging freshness is the client's job")
        XCTAssertTrue(front.setKeys.isEmpty)
    }

    func testSetAndDeleteReachBothStores() async throws {
        let front = recordingStore()
        let back = recordingStore()
        let store = TieredCacheStore(front: front, back: back, frontTTL: .seconds(3), clock: clock)
        try await store.set(key, to: entry(usableFor: 600), ttl: .seconds(600))
        XCTAssertEqual(front.lastTTL(for: key), .seconds(3))
        XCTAssertEqual(back.lastTTL(for: key), .seconds(600))
        try await store.delete(key)
        let (frontEntry, backEntry) = (try await front.get(key), try await back.get(key))
        XCTAssertNil(frontEntry)
        XCTAssertNil(backEntry)
    }

    func testBackFailureIsRethrownButTheFrontStillWorks() async throws {
        let front = recordingStore()
        let back = recordingStore()
        back.isFailing = true
        let store = TieredCacheStore(front: front, back: back, clock: clock)
        do {
            try await store.set(key, to: entry(usableFor: 600), ttl: .seconds(600))
            XCTFail("expected the back store's error")
        } catch {
            assertCacheUnavailable(error)
        }
        let read = try await store.get(key)
        XCTAssertNotNil(read, "served from the front while the back is down")
        do {
            _ = try await store.get(CacheKey(rawValue: "other"))
            XCTFail("expected the back store's error on a front miss")
        } catch {
            assertCacheUnavailable(error)
        }
    }

    func testRefreshLockComesFromTheBack() {
        let withLock = TieredCacheStore(
            front: recordingStore(), back: recordingStore(refreshLock: InMemoryRefreshLock(clock: clock)))
        XCTAssertNotNil(withLock.refreshLock)
        let without = TieredCacheStore(front: recordingStore(), back: recordingStore())
        XCTAssertNil(without.refreshLock)
    }

    func testMemoryCacheStoreInFront() async throws {
        let back = recordingStore()
        let store = TieredCacheStore(back: back, frontTTL: .seconds(2))
        try await store.set(key, to: makeEntry([5]), ttl: .seconds(600))
        for _ in 0..<3 {
            let read = try await store.get(key)
            XCTAssertEqual(read?.body, [5])
        }
        XCTAssertEqual(back.getCount, 0, "every read served by the MemoryCacheStore in front")
    }

    func testInFrontOfRealRedis() async throws {
        let redis = try await RedisTestEnvironment.store(for: self)
        let front = recordingStore()
        let store = TieredCacheStore(front: front, back: redis, frontTTL: .seconds(1))
        XCTAssertNotNil(store.refreshLock)
        let value = makeEntry([0, 13, 10])
        try await redis.set(key, to: value, ttl: .seconds(30))
        let read = try await store.get(key)
        XCTAssertEqual(read, value)
        let cached = try await front.get(key)
        XCTAssertEqual(cached, value)
        try await store.delete(key)
        let gone = try await redis.get(key)
        XCTAssertNil(gone)
    }
}
