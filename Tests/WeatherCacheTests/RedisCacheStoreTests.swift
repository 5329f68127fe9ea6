import Foundation
import WeatherCache
import WeatherCore
import XCTest

/// Round trips, expiry, prefixes and batches against the shared test Redis.
final class RedisCacheStoreTests: XCTestCase {
    func testRoundTripKeepsEveryByte() async throws {
        let store = try await RedisTestEnvironment.store(for: self)
        let body: [UInt8] = Array("{\"a\":1}".utf8) + [0, 13, 10, 0, 255, 13, 10] + Array("\r\n$3\r\nEND".utf8)
        let entry = makeEntry(body)
        try await store.set(CacheKey(rawValue: "bytes"), to: entry, ttl: .seconds(30))
        let read = try await store.get(CacheKey(rawValue: "bytes"))
        XCTAssertEqual(read, entry)
        XCTAssertEqual(read?.body, body)
    }

    func testKeysWithSpacesAndNewlinesAreBinarySafe() async throws {
        let store = try await RedisTestEnvironment.store(for: self)
        let key = CacheKey(rawValue: "city=new york\r\nSET x y\u{0}")
        let entry = makeEntry(Array("ny".utf8))
        try await store.set(key, to: entry, ttl: .seconds(30))
        let read = try await store.get(key)
        XCTAssertEqual(read, entry)
        let other = try await store.get(CacheKey(rawValue: "city=new york"))
        XCTAssertNil(other)
    }

    func testMissingKeyIsNil() async throws {
        let store = try await RedisTestEnvironment.store(for: self)
        let read = try await store.get(CacheKey(rawValue: "absent"))
        XCTAssertNil(read)
    }

    func testDeleteRemovesTheEntry() async throws {
        let store = try await RedisTestEnvironment.store(for: self)
        let key = CacheKey(rawValue: "gone")
        try await store.set(key, to: makeEntry([1, 2, 3]), ttl: .seconds(30))
        try await store.delete(key)
        let read = try await store.get(key)
        XCTAssertNil(read)
        try await store.delete(key)  // deleting twice is fine
    }

    func testEntriesExpireAfterTheirTTL() async throws {
        let store = try await RedisTestEnvironment.store(for: self)
        let key = CacheKey(rawValue: "short")
        try await store.set(key, to: makeEntry([7]), ttl: .milliseconds(150))
        let before = try await store.get(key)
        XCTAssertNotNil(before)
        try await Task.sleep(for: .milliseconds(300))  // real Redis expires in real time
        let after = try await store.get(key)
        XCTAssertNil(after)
    }

    func testZeroTTLDeletes() async throws {
        let store = try await RedisTestEnvironment.store(for: self)
        let key = CacheKey(rawValue: "zero")
        try await store.set(key, to: makeEntry([1]), ttl: .seconds(30))
        try await store.set(key, to: makeEntry([2]), ttl: .zero)
        let read = try await store.get(key)
        XCTAssertNil(read)
    }

    func testPrefixesIsolateStores() async throws {
        let prefix = "test:\(UUID().uuidString)"
        let a = try await RedisTestEnvironment.store(for: self, prefix: prefix + ":a:")
        let b = try await RedisTestEnvironment.store(for: self, prefix: prefix + ":b:")
        let key = CacheKey(rawValue: "same")
        try await a.set(key, to: makeEntry(Array("from a".utf8)), ttl: .seconds(30))
        let fromB = try await b.get(key)
        XCTAssertNil(fromB)
        try await b.set(key, to: makeEntry(Array("from b".utf8)), ttl: .seconds(30))
        let fromA = try await a.get(key)
        XCTAssertEqual(fromA?.body, Array("from a".utf8))
        try await b.delete(key)
        let stillA = try await a.get(key)
        XCTAssertNotNil(stillA)
    }

    func testMGETReturnsEntriesInOrder() async throws {
        let store = try await RedisTestEnvironment.store(for: self)
        let keys = (0..<5).map { CacheKey(rawValue: "batch-\($0)") }
        for index in [0, 2, 4] {
            try await store.set(keys[index], to: makeEntry([UInt8(index), 0, 10]), ttl: .seconds(30))
        }
        let entries = try await store.get(keys)
        XCTAssertEqual(entries.map { $0?.body }, [[0, 0, 10], nil, [2, 0, 10], nil, [4, 0, 10]])
        let none = try await store.get([CacheKey]())
        XCTAssertEqual(none.count, 0)
    }

    func testConcurrentCallsOnOneConnectionArePipelinedCorrectly() async throws {
        let store = try await RedisTestEnvironment.store(for: self, poolSize: 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let key = CacheKey(rawValue: "concurrent-\(index)")
                    let body = Array("value \(index)".utf8)
                    try await store.set(key, to: makeEntry(body), ttl: .seconds(30))
                    let read = try await store.get(key)
                    XCTAssertEqual(read?.body, body)
                }
            }
            try await group.waitForAll()
        }
    }

    func testCallsFromATaskOnTheConnectionExecutor() async throws {
        let store = try await RedisTestEnvironment.store(for: self, poolSize: 2)
        let bodies = try await withTaskExecutorPreference(store.connectionExecutor()) {
            var bodies: [[UInt8]?] = []
            for index in 0..<50 {
                let key = CacheKey(rawValue: "executor-\(index)")
                try await store.set(key, to: makeEntry([UInt8(index), 0, 13, 10]), ttl: .seconds(30))
                bodies.append(try await store.get(key)?.body)
            }
            async let concurrent = store.get((0..<50).map { CacheKey(rawValue: "executor-\($0)") })
            let batch = try await concurrent
            XCTAssertEqual(batch.map { $0?.body }, bodies)
            return bodies
        }
        XCTAssertEqual(bodies, (0..<50).map { [UInt8($0), 0, 13, 10] })
    }

    func testTasksOnTheConnectionExecutorStillRunAfterShutdown() async throws {
        let store = try await RedisTestEnvironment.store(for: self, poolSize: 1)
        let executor = store.connectionExecutor()
        await store.shutdown()
        let outcome = await withTaskExecutorPreference(executor) { () -> String in
            do {
                _ = try await store.get(CacheKey(rawValue: "x"))
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(outcome.contains("shut down"), outcome)
    }

    func testPingAndHealth() async throws {
        let store = try await RedisTestEnvironment.store(for: self, poolSize: 2)
        let rtt = try await store.ping()
        XCTAssertLessThan(rtt, .milliseconds(500))
        XCTAssertGreaterThan(store.healthyConnections, 0)
    }

    func testOperationsAfterShutdownFailWithCacheUnavailable() async throws {
        let store = try await RedisTestEnvironment.store(for: self)
        await store.shutdown()
        do {
            _ = try await store.get(CacheKey(rawValue: "x"))
            XCTFail("expected an error after shutdown")
        } catch {
            assertCacheUnavailable(error)
        }
    }
}
