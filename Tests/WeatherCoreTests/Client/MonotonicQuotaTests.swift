import Foundation
import HTTPTypes
import WeatherTesting
import XCTest

@testable import WeatherCore

/// Issue 11, item 6: the call budget and the 429 cooldown run on a monotonic clock, and a grant is
/// cheap however large the plan.
final class MonotonicQuotaTests: XCTestCase {
    func testWallClockSteppedBackDoesNotStallTheBudget() async throws {
        let h = Harness(quota: QuotaPolicy(callsPerMinute: 2))
        h.transport.always(.any, .json(Reading.json(temp: 1)))
        _ = try await h.reading(Harness.request("a"))
        _ = try await h.reading(Harness.request("b"))
        h.clock.advance(by: .seconds(60))
        h.clock.stepWallClock(by: -3600)  // NTP or an operator sets the clock back an hour
        _ = try await h.reading(Harness.request("c"))
        _ = try await h.reading(Harness.request("d"))
        XCTAssertEqual(h.transport.requestCount, 4, "a minute went by, so two calls are allowed again")
        let third = await weatherError { _ = try await h.reading(Harness.request("e")) }
        XCTAssertEqual(third?.code, .quotaExhausted, "still no more than 2 in any minute")
    }

    func testWallClockSteppedBackDoesNotStretchA429Cooldown() async throws {
        let h = Harness()
        h.transport.enqueue(.any, .status(429, headerFields: [.retryAfter: "30"]))
        _ = await weatherError { _ = try await h.reading() }
        h.clock.advance(by: .seconds(30))
        h.clock.stepWallClock(by: -3600)
        h.transport.enqueue(.any, .json(Reading.json(temp: 2)))
        let result = try await h.reading(Harness.request("Oslo"))
        XCTAssertEqual(result.value.temp, 2, "the 30 s cooldown is over")
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    func testGrantsOfALargePlanDoNotScanTheWindow() {
        let clock = ManualClock()
        let governor = QuotaGovernor(policy: QuotaPolicy(callsPerMinute: 30_000), clock: clock)
        let started = ContinuousClock.now
        var wrong = 0
        for i in 0..<30_000 where governor.spend(.current)?.perMinuteLeft != 29_999 - i { wrong += 1 }
        let elapsed = started.duration(to: .now)
        XCTAssertEqual(wrong, 0)
        XCTAssertNil(governor.spend(.current), "the window is full")
        clock.advance(by: .seconds(60))
        XCTAssertEqual(governor.spend(.current)?.perMinuteLeft, 29_999, "every token came back")
        // A scan of the window per grant is 9·10⁸ steps here (tens of seconds in a debug build).
        XCTAssertLessThan(elapsed, .seconds(2), "30,000 grants took \(elapsed)")
    }

    func testTheGrowingRingKeepsSpendTimesInOrderAcrossAWrap() {
        let clock = ManualClock()
        let governor = QuotaGovernor(policy: QuotaPolicy(callsPerMinute: 40), clock: clock)
        for _ in 0..<10 { XCTAssertNotNil(governor.spend(.current)) }  // t = 0
        clock.advance(by: .seconds(30))
        for _ in 0..<6 { XCTAssertNotNil(governor.spend(.current)) }  // t = 30: the first 16 slots are full
        clock.advance(by: .seconds(31))
        for _ in 0..<10 { XCTAssertNotNil(governor.spend(.current)) }  // t = 61: the t = 0 ones came back; wraps
        XCTAssertEqual(governor.spend(.current)?.perMinuteLeft, 40 - 17, "grows while wrapped")
        clock.advance(by: .milliseconds(29_500))  // t = 90.5: the t = 30 ones came back, the t = 61 ones not
        XCTAssertEqual(governor.spend(.current)?.perMinuteLeft, 40 - 12)
        for _ in 0..<28 { XCTAssertNotNil(governor.spend(.current)) }
        XCTAssertNil(governor.spend(.current), "never more than the budget in a window")
    }
}
