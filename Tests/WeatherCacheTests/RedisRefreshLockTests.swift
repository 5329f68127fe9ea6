import Foundation
import WeatherCache
import WeatherCore
import XCTest

/// The cross-replica lock: two stores stand for two replicas sharing one Redis.
final class RedisRefreshLockTests: XCTestCase {
    private func twoReplicas() async throws -> (any RefreshLock, any RefreshLock) {
        let prefix = "test:\(UUID().uuidString):"
        let a = try await RedisTestEnvironment.store(for: self, prefix: prefix)
        let b = try await RedisTestEnvironment.store(for: self, prefix: prefix)
        return (try XCTUnwrap(a.refreshLock), try XCTUnwrap(b.refreshLock))
    }

    func testOnlyOneHolderAtATime() async throws {
        let (a, b) = try await twoReplicas()
        let key = CacheKey(rawValue: "current:zurich")
        let token = try await a.acquire(key, ttl: .seconds(5))
        XCTAssertNotNil(token)
        let contended = try await b.acquire(key, ttl: .seconds(5))
        XCTAssertNil(contended)
        let again = try await a.acquire(key, ttl: .seconds(5))
        XCTAssertNil(again, "the lock is not reentrant")
        let other = try await b.acquire(CacheKey(rawValue: "current:bern"), ttl: .seconds(5))
        XCTAssertNotNil(other, "locks are per key")
    }

    func testOnlyTheHolderReleases() async throws {
        let (a, b) = try await twoReplicas()
        let key = CacheKey(rawValue: "k")
        let token = try await unwrapAsync(try await a.acquire(key, ttl: .seconds(5)))
        try await b.release(RefreshLockToken(key: key, value: "not-the-token"))
        let stillHeld = try await b.acquire(key, ttl: .seconds(5))
        XCTAssertNil(stillHeld)
        try await a.release(token)
        let free = try await b.acquire(key, ttl: .seconds(5))
        XCTAssertNotNil(free)
    }

    func testTokensAreRandom() async throws {
        let (a, _) = try await twoReplicas()
        var values = Set<String>()
        for index in 0..<20 {
            let token = try await unwrapAsync(try await a.acquire(CacheKey(rawValue: "t\(index)"), ttl: .seconds(5)))
            XCTAssertEqual(token.value.count, 32)
            values.insert(token.value)
        }
        XCTAssertEqual(values.count, 20)
    }

    func testACrashedHoldersLockExpiresAndItsLateReleaseDoesNotFreeTheNewHolder() async throws {
        let (a, b) = try await twoReplicas()
        let key = CacheKey(rawValue: "expiring")
        let stale = try await unwrapAsync(try await a.acquire(key, ttl: .milliseconds(150)))
        try await Task.sleep(for: .milliseconds(300))  // real Redis: the lock expires in real time
        let fresh = try await b.acquire(key, ttl: .seconds(5))
        XCTAssertNotNil(fresh)
        try await a.release(stale)  // too late: must not release b's lock
        let contended = try await a.acquire(key, ttl: .seconds(5))
        XCTAssertNil(contended)
    }

    func testConcurrentAcquireHasExactlyOneWinner() async throws {
        let (a, b) = try await twoReplicas()
        let key = CacheKey(rawValue: "race")
        let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<100 {
                group.addTask { try await (index % 2 == 0 ? a : b).acquire(key, ttl: .seconds(5)) != nil }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        XCTAssertEqual(winners, 1)
    }
}

/// `XCTUnwrap` for an async expression.
func unwrapAsync<T>(
    _ expression: @autoclosure () async throws -> T?, file: StaticString = #filePath, line: UInt = #line
) async throws -> T {
    let value = try await expression()
    return try XCTUnwrap(value, file: file, line: line)
}
