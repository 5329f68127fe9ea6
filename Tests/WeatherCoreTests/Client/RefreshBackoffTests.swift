import Foundation
import WeatherCore
import WeatherTesting
import XCTest

/// Issue 11, item 1: a discarded or failed refresh is remembered, so one hot key cannot spend the
/// budget while upstream lags or fails.
final class RefreshBackoffTests: XCTestCase {
    /// 1,000 lookups of one key over 60 s of clock, each followed by its background refresh.
    private func hammer(_ h: Harness, expect status: CacheStatus? = nil) async throws -> [CacheStatus] {
        var statuses: [CacheStatus] = []
        for _ in 0..<1_000 {
            let result = try await h.reading()
            XCTAssertEqual(result.value.temp, 5)
            statuses.append(result.cacheStatus)
            await h.client.drainBackgroundRefreshes()
            h.clock.advance(by: .milliseconds(60))
        }
        return statuses
    }

    func testUpstreamStuckOnAnOlderObservationIsNotAskedAtEveryStaleHit() async throws {
        let h = Harness()
        try await h.prime(temp: 5, dt: 1_767_226_000)
        h.clock.advance(by: .seconds(650))  // stale-while-revalidate: every hit starts a background refresh
        h.transport.always(.any, .json(Reading.json(temp: 4, dt: 1_767_225_000)))  // upstream lags behind
        let statuses = try await hammer(h)
        XCTAssertEqual(h.transport.requestCount - 1, 1, "one refresh found nothing newer and re-armed the entry")
        XCTAssertEqual(statuses.first, .stale)
        XCTAssertEqual(Set(statuses.dropFirst()), [.hit])
        XCTAssertEqual(h.observer.events(.olderDataDiscarded).count, 1)
    }

    func testFailingBackgroundRefreshBacksOffPerKey() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(650))
        h.transport.always(.urlContains("q=Z%C3%BCrich"), .status(503))
        let statuses = try await hammer(h)
        XCTAssertEqual(Set(statuses), [.stale])
        let calls = h.transport.requestCount - 1
        // 2 s doubling, equal jitter at u = 0.5: attempts at 0, 1.5, 4.5, 10.5, 22.5 and 46.5 s.
        XCTAssertEqual(calls, 6, "a short, growing delay between failed refreshes, not one per lookup")

        h.transport.always(.any, .json(Reading.json(temp: 8)))
        _ = try await h.reading(Harness.request("Oslo"))
        XCTAssertEqual(h.transport.requestCount - 1, calls + 1, "other keys are not held back")
    }

    func testFailingForegroundRefreshServesStaleWithoutAskingAgainAtOnce() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(1000))  // past stale-while-revalidate: each lookup would ask upstream first
        h.transport.always(.any, .failure(WeatherError(code: .timeout, message: "timed out")))
        let statuses = try await hammer(h)
        XCTAssertEqual(Set(statuses), [.stale])
        XCTAssertLessThanOrEqual(h.transport.requestCount - 1, 6)
    }

    func testMissWhoseRefreshFailsRethrowsDuringTheBackoff() async throws {
        let h = Harness()
        h.transport.always(.any, .status(502))
        var codes: Set<WeatherError.Code> = []
        for _ in 0..<1_000 {
            if let error = await weatherError({ _ = try await h.reading() }) { codes.insert(error.code) }
            h.clock.advance(by: .milliseconds(60))
        }
        XCTAssertEqual(codes, [.serverError])
        XCTAssertLessThanOrEqual(h.transport.requestCount, 6)
    }

    func testSuccessEndsTheBackoff() async throws {
        let h = Harness()
        h.transport.enqueue(.any, .status(503))
        _ = await weatherError { _ = try await h.reading() }
        let held = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(held?.code, .serverError)
        XCTAssertTrue(held?.underlying?.contains("no upstream call") ?? false, "\(String(describing: held))")
        XCTAssertEqual(h.transport.requestCount, 1)
        h.clock.advance(by: .seconds(2))  // past the first delay (1.5 s at u = 0.5)
        h.transport.enqueue(.any, .json(Reading.json(temp: 7)))
        let result = try await h.reading()
        XCTAssertEqual(result.value.temp, 7)
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    func testRefreshFailureDelayGrowsWithJitterWithinItsBounds() {
        let policy = RetryPolicy(refreshFailureBackoff: .seconds(2), maxRefreshFailureBackoff: .seconds(60))
        XCTAssertEqual(policy.refreshFailureDelay(afterFailures: 1, unit: 0), .seconds(1))
        XCTAssertEqual(policy.refreshFailureDelay(afterFailures: 1, unit: 1), .seconds(2))
        XCTAssertEqual(policy.refreshFailureDelay(afterFailures: 3, unit: 1), .seconds(8))
        XCTAssertEqual(policy.refreshFailureDelay(afterFailures: 20, unit: 1), .seconds(60))
        XCTAssertEqual(policy.refreshFailureDelay(afterFailures: 20, unit: 0), .seconds(30))
    }
}
