import WeatherCore
import WeatherTesting
import XCTest

final class InMemoryRefreshLockTests: XCTestCase {
    func testOneHolderAtATimeUntilReleaseOrExpiry() async throws {
        let clock = ManualClock()
        let lock = InMemoryRefreshLock(clock: clock)
        let key = CacheKey(rawValue: "k")
        let first = try await lock.acquire(key, ttl: .seconds(10))
        XCTAssertNotNil(first)
        let second = try await lock.acquire(key, ttl: .seconds(10))
        XCTAssertNil(second)
        try await lock.release(try XCTUnwrap(first))
        let third = try await lock.acquire(key, ttl: .seconds(10))
        XCTAssertNotNil(third)
        clock.advance(by: .seconds(10))  // expired: a crashed holder does not block forever
        let fourth = try await lock.acquire(key, ttl: .seconds(10))
        XCTAssertNotNil(fourth)
        try await lock.release(try XCTUnwrap(third))  // a stale token releases nothing
        let fifth = try await lock.acquire(key, ttl: .seconds(10))
        XCTAssertNil(fifth)
        XCTAssertEqual(lock.acquired.count, 3)
        XCTAssertEqual(lock.released.count, 2)
        XCTAssertEqual(lock.requestedTTLs, Array(repeating: .seconds(10), count: 5), "every call, taken or not")
    }

    func testHoldElsewhere() async throws {
        let lock = InMemoryRefreshLock(clock: ManualClock())
        let key = CacheKey(rawValue: "k")
        lock.holdElsewhere(key)
        let blocked = try await lock.acquire(key, ttl: .seconds(1))
        XCTAssertNil(blocked)
        lock.releaseElsewhere(key)
        let free = try await lock.acquire(key, ttl: .seconds(1))
        XCTAssertNotNil(free)
    }

    func testBrokenConnectionThrowsAndRecordsTheAttempt() async throws {
        let lock = InMemoryRefreshLock(clock: ManualClock())
        let key = CacheKey(rawValue: "k")
        let taken = try await lock.acquire(key, ttl: .seconds(10))
        let token = try XCTUnwrap(taken)
        lock.breakConnection()
        let acquiring = await thrownCode { _ = try await lock.acquire(key, ttl: .seconds(5)) }
        XCTAssertEqual(acquiring, .cacheUnavailable)
        let releasing = await thrownCode { try await lock.release(token) }
        XCTAssertEqual(releasing, .cacheUnavailable)
        XCTAssertEqual(lock.requestedTTLs, [.seconds(10), .seconds(5)])
        XCTAssertEqual(lock.released, [], "nothing released while unreachable")
        lock.breakConnection(false)
        try await lock.release(token)
        XCTAssertEqual(lock.released, [token])
    }
}
