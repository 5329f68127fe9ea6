import Foundation
import WeatherCore
import WeatherTesting
import XCTest

/// Issue 11, item 4: stale-if-error serves only what is still inside its window, and a 404 that
/// is not OpenWeather's "city not found" never replaces a good entry with a negative one.
final class StaleIfErrorEdgeTests: XCTestCase {
    func testEntryThatLeavesItsWindowDuringALongFlightIsNotServed() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(600 + 3600 - 2))  // 2 s left of the stale-if-error window
        h.transport.enqueue(.any, .status(503), latency: .seconds(4))
        let task = Task { await weatherError { _ = try await h.reading() } }
        try await h.clock.waitForSleepers(1)
        h.clock.advance(by: .seconds(4))  // upstream failed, but the window closed meanwhile
        let error = await task.value
        XCTAssertEqual(error?.code, .serverError, "the expired entry must not be served")
    }

    func testEntryStillInsideItsWindowAfterTheFlightIsServed() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(600 + 3600 - 10))
        h.transport.enqueue(.any, .status(503), latency: .seconds(4))
        let task = Task { try await h.reading() }
        try await h.clock.waitForSleepers(1)
        h.clock.advance(by: .seconds(4))
        let result = try await task.value
        XCTAssertEqual(result.cacheStatus, .stale)
        XCTAssertEqual(result.value.temp, 5)
    }

    func testUnexpected404InABackgroundRefreshKeepsTheGoodEntry() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(650))  // stale-while-revalidate
        h.transport.enqueue(.any, .json(#"{"cod":"404","message":"Internal error"}"#, status: 404))
        let first = try await h.reading()
        XCTAssertEqual(first.cacheStatus, .stale)
        await h.client.drainBackgroundRefreshes()
        h.clock.advance(by: .seconds(1))
        let second = try await h.reading()
        XCTAssertEqual(second.cacheStatus, .stale, "still the good entry, not a cached 'not found'")
        XCTAssertEqual(second.value.temp, 5)
        let negative = h.store.operations.contains {
            if case .set(_, let entry, _) = $0 { entry.isNegative } else { false }
        }
        XCTAssertFalse(negative, "no negative entry was written")
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    func testUnexpected404InAForegroundRefreshServesStale() async throws {
        let h = Harness(retry: RetryPolicy(maxAttempts: 3))
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(1000))  // past stale-while-revalidate, inside stale-if-error
        h.transport.enqueue(.any, .json(#"{"cod":"404","message":"Internal error"}"#, status: 404))
        let result = try await h.reading()
        XCTAssertEqual(result.cacheStatus, .stale)
        XCTAssertEqual(result.value.temp, 5)
        XCTAssertEqual(h.transport.requestCount, 2, "not retried: the same path gives the same 404")
    }

    func testRealNotFoundStillCachesNegative() async throws {
        let h = Harness()
        h.transport.enqueue(.any, .json(#"{"cod":"404","message":"city not found"}"#, status: 404))
        let first = await weatherError { _ = try await h.reading() }
        let second = await weatherError { _ = try await h.reading() }
        XCTAssertEqual([first?.code, second?.code], [.notFound, .notFound])
        XCTAssertEqual(h.transport.requestCount, 1)
    }
}
