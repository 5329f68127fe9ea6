import Foundation
import WeatherCore
import WeatherTesting
import XCTest

final class RecordingCacheStoreTests: XCTestCase {
    func testRecordsAndForwards() async throws {
        let store = RecordingCacheStore(MemoryCacheStore(clock: ManualClock()))
        let key = CacheKey(rawValue: "k")
        let entry = CacheEntry(
            body: [1], fetchedAt: .distantPast, freshUntil: .distantFuture, staleUntil: .distantFuture)
        let missing = try await store.get(key)
        XCTAssertNil(missing)
        try await store.set(key, to: entry, ttl: .seconds(60))
        let found = try await store.get(key)
        XCTAssertEqual(found, entry)
        try await store.delete(key)
        XCTAssertEqual(
            store.operations,
            [.get(key, found: false), .set(key, entry, ttl: .seconds(60)), .get(key, found: true), .delete(key)])
        XCTAssertEqual(store.setKeys, [key])
    }

    func testFailingModeThrowsCacheUnavailable() async {
        let store = RecordingCacheStore(MemoryCacheStore(clock: ManualClock()))
        store.isFailing = true
        do {
            _ = try await store.get(CacheKey(rawValue: "k"))
            XCTFail("expected an error")
        } catch let error as WeatherError {
            XCTAssertEqual(error.code, .cacheUnavailable)
        } catch {
            XCTFail("unexpected \(error)")
        }
        XCTAssertEqual(store.operations.count, 1)
    }

    func testCountsGetsAndRemembersTheLastTTLOfEachKey() async throws {
        let store = RecordingCacheStore(MemoryCacheStore(clock: ManualClock()))
        let (key, other) = (CacheKey(rawValue: "k"), CacheKey(rawValue: "other"))
        let entry = CacheEntry(
            body: [1], fetchedAt: .distantPast, freshUntil: .distantFuture, staleUntil: .distantFuture)
        XCTAssertNil(store.lastTTL(for: key))
        try await store.set(key, to: entry, ttl: .seconds(60))
        try await store.set(other, to: entry, ttl: .seconds(5))
        try await store.set(key, to: entry, ttl: .seconds(30))
        _ = try await store.get(key)
        store.isFailing = true
        _ = try? await store.get(key)
        XCTAssertEqual(store.lastTTL(for: key), .seconds(30))
        XCTAssertEqual(store.lastTTL(for: other), .seconds(5))
        XCTAssertEqual(store.getCount, 2, "failed calls count")
    }
}
