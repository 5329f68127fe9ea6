import Foundation
import WeatherCache
import WeatherCore
import XCTest

/// A short-lived front store in front of a shared back store.
final class TieredCacheStoreTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)
    private let key = CacheKey(rawValue: "current:zurich")

    private func entry(usableFor seconds: TimeInterval) -> CacheEntry {
        CacheEntry(
            body: [1], fetchedAt: now, freshUntil: now.addingTimeInterval(seconds / 2),
            staleUntil: now.addingTimeInterval(seconds)
        )
    }

    func testBackHitFillsTheFrontForTheShortTTLThenFrontServes() async throws {
        let front = DictionaryCacheStore()
        let back = DictionaryCacheStore()
        try await back.set(key, to: entry(usableFor: 600), ttl: .seconds(600))
        let store = TieredCacheStore(front: front, back: back, frontTTL: .seconds(2), clock: FixedClock(now: now))

        let first = try await store.get(key)
        XCTAssertEqual(first, entry(usableFor: 600))
        let frontTTL = await front.ttls[key]
        XCTAssertEqual(frontTTL, .seconds(2))

        let second = try await store.get(key)
        XCTAssertEqual(second, first)
        let backGets = await back.getCount
        XCTAssertEqual(backGets, 1, "the second get is served by the front")
    }

    func testFrontTTLNeverOutlivesTheEntry() async throws {
        let front = DictionaryCacheStore()
        let back = DictionaryCacheStore()
        try await back.set(key, to: entry(usableFor: 0.5), ttl: .seconds(1))
        let store = TieredCacheStore(front: front, back: back, frontTTL: .seconds(2), clock: FixedClock(now: now))
        _ = try await store.get(key)
        let frontTTL = await front.ttls[key]
        XCTAssertEqual(frontTTL, .milliseconds(500))
    }

    func testUnusableEntryIsNotCopiedToTheFront() async throws {
        let front = DictionaryCacheStore()
        let back = DictionaryCacheStore()
        try await back.set(key, to: entry(usableFor: -1), ttl: .seconds(1))
        let store = TieredCacheStore(front: front, back: back, clock: FixedClock(now: now))
        let read = try await store.get(key)
        XCTAssertNotNil(read, "the back's answer is returned as is; judging freshness is the client's job")
        let frontEntries = await front.entries
        XCTAssertTrue(frontEntries.isEmpty)
    }

    func testSetAndDeleteReachBothStores() async throws {
        let front = DictionaryCacheStore()
        let back = DictionaryCacheStore()
        let store = TieredCacheStore(front: front, back: back, frontTTL: .seconds(3), clock: FixedClock(now: now))
        try await store.set(key, to: entry(usableFor: 600), ttl: .seconds(600))
        let (frontTTL, backTTL) = (await front.ttls[key], await back.ttls[key])
        XCTAssertEqual(frontTTL, .seconds(3))
        XCTAssertEqual(backTTL, .seconds(600))
        try await store.delete(key)
        let (frontEntries, backEntries) = (await front.entries, await back.entries)
        XCTAssertTrue(frontEntries.isEmpty)
        XCTAssertTrue(backEntries.isEmpty)
    }

    func testBackFailureIsRethrownButTheFrontStillWorks() async throws {
        let front = DictionaryCacheStore()
        let back = DictionaryCacheStore()
        await back.setFailing(true)
        let store = TieredCacheStore(front: front, back: back, clock: FixedClock(now: now))
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
            front: DictionaryCacheStore(), back: DictionaryCacheStore(refreshLock: NoopLock()))
        XCTAssertNotNil(withLock.refreshLock)
        let without = TieredCacheStore(front: DictionaryCacheStore(), back: DictionaryCacheStore())
        XCTAssertNil(without.refreshLock)
    }

    func testMemoryCacheStoreInFront() async throws {
        let back = DictionaryCacheStore()
        let store = TieredCacheStore(back: back, frontTTL: .seconds(2))
        try await store.set(key, to: makeEntry([5]), ttl: .seconds(600))
        for _ in 0..<3 {
            let read = try await store.get(key)
            XCTAssertEqual(read?.body, [5])
        }
        let backGets = await back.getCount
        XCTAssertEqual(backGets, 0, "every read served by the MemoryCacheStore in front")
    }

    func testInFrontOfRealRedis() async throws {
        let redis = try await RedisTestEnvironment.store(for: self)
        let front = DictionaryCacheStore()
        let store = TieredCacheStore(front: front, back: redis, frontTTL: .seconds(1))
        XCTAssertNotNil(store.refreshLock)
        let value = makeEntry([0, 13, 10])
        try await redis.set(key, to: value, ttl: .seconds(30))
        let read = try await store.get(key)
        XCTAssertEqual(read, value)
        let cached = await front.entries[key]
        XCTAssertEqual(cached, value)
        try await store.delete(key)
        let gone = try await redis.get(key)
        XCTAssertNil(gone)
    }
}
