import Foundation
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

final class ClientRateLimiterTests: XCTestCase {
    func testABurstIsAdmittedThenRefusedWithTheWaitUntilTheNextToken() {
        let clock = ManualClock(start: Date())
        let limiter = ClientRateLimiter(limit: ClientLimit(ratePerSecond: 0.5, burst: 3), clock: clock)
        for _ in 0..<3 { XCTAssertEqual(limiter.admit("a"), .admitted) }
        XCTAssertEqual(limiter.admit("a"), .refused(retryAfterSeconds: 2), "one token every 2 s")
        XCTAssertEqual(limiter.admit("b"), .admitted, "another client has its own bucket")
        clock.advance(by: .seconds(1))
        XCTAssertEqual(limiter.admit("a"), .refused(retryAfterSeconds: 1))
        clock.advance(by: .seconds(1))
        XCTAssertEqual(limiter.admit("a"), .admitted)
        XCTAssertEqual(limiter.admit("a"), .refused(retryAfterSeconds: 2))
    }

    func testARefundGivesTheTokenBackButNeverAboveTheBurst() {
        let clock = ManualClock(start: Date())
        let limiter = ClientRateLimiter(limit: ClientLimit(ratePerSecond: 0.01, burst: 2), clock: clock)
        XCTAssertEqual(limiter.admit("a"), .admitted)
        XCTAssertEqual(limiter.admit("a"), .admitted)
        limiter.refund("a")
        XCTAssertEqual(limiter.admit("a"), .admitted)
        XCTAssertNotEqual(limiter.admit("a"), .admitted)
        limiter.refund("unknown-client")
        XCTAssertEqual(limiter.trackedClients, 1, "a refund never creates a bucket")
    }

    func testMemoryIsBoundedByMaxClientsAndRefilledBucketsAreForgotten() {
        let clock = ManualClock(start: Date())
        let limiter = ClientRateLimiter(limit: ClientLimit(ratePerSecond: 1, burst: 5, maxClients: 100), clock: clock)
        for n in 0..<1_000 { _ = limiter.admit("client-\(n)") }
        XCTAssertEqual(limiter.trackedClients, 100)
        clock.advance(by: .seconds(2))
        XCTAssertEqual(limiter.admit("client-999"), .admitted, "refilled")
        clock.advance(by: .seconds(10))
        _ = limiter.admit("late")
        // Buckets full again expire: what is left are at most the ones seen since.
        for n in 0..<1_000 { XCTAssertEqual(limiter.admit("client-\(n)"), .admitted) }
    }

    func testAWallClockStepNeitherRefillsNorDrains() {
        let clock = ManualClock(start: Date())
        let limiter = ClientRateLimiter(limit: ClientLimit(ratePerSecond: 1, burst: 1), clock: clock)
        XCTAssertEqual(limiter.admit("a"), .admitted)
        clock.stepWallClock(by: 3600)
        XCTAssertEqual(limiter.admit("a"), .refused(retryAfterSeconds: 1))
    }
}
