import Foundation
import WeatherCore
import WeatherTesting
import XCTest

/// Issue 11, item 3: every attempt is bounded by the time left before the refresh deadline, so a
/// hung first attempt can still be retried and no refresh outlives its lock.
final class AttemptDeadlineTests: XCTestCase {
    private static let hung = ScriptedTransport.Reply.failure(WeatherError(code: .timeout, message: "timed out"))

    func testHungFirstAttemptIsCutSoARetryFitsTheDeadline() async throws {
        let h = Harness(
            retry: RetryPolicy(
                maxAttempts: 3, baseDelay: .milliseconds(200), deadline: .seconds(10), attemptTimeout: .seconds(4)))
        // A transport whose own timeout is 30 s: without a bound the first attempt ends past the deadline.
        h.transport.enqueue(.any, Self.hung, latency: .seconds(30))
        h.transport.enqueue(.any, .json(Reading.json(temp: 3)))
        let start = h.clock.now
        let task = Task { try await h.reading() }
        try await h.clock.waitForSleepers(1)
        XCTAssertEqual(h.clock.sleeperDeadlines, [start.addingTimeInterval(4)], "the attempt ends at its 4 s bound")
        h.clock.advance(by: .seconds(4))
        try await h.clock.waitForSleepers(1)  // the backoff before the retry (or, unbounded, the same attempt)
        h.clock.advance(to: try XCTUnwrap(h.clock.sleeperDeadlines.first))
        let result = try await task.value
        XCTAssertEqual(result.value.temp, 3)
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    func testEachAttemptGetsOnlyTheTimeLeftBeforeTheDeadline() async throws {
        let h = Harness(
            retry: RetryPolicy(
                maxAttempts: 3, baseDelay: .milliseconds(200), deadline: .seconds(6), attemptTimeout: .seconds(4)),
            random: .constant(0.5))
        h.transport.enqueue(.any, Self.hung, latency: .seconds(30))
        h.transport.enqueue(.any, Self.hung, latency: .seconds(30))
        let task = Task { await weatherError { _ = try await h.reading() } }
        try await h.clock.waitForSleepers(1)
        h.clock.advance(by: .seconds(4))  // first attempt cut at 4 s
        try await h.clock.waitForSleepers(1)
        h.clock.advance(by: .milliseconds(100))  // backoff: half of 200 ms
        try await h.clock.waitForSleepers(1)
        h.clock.advance(by: .milliseconds(1900))  // the second attempt had 1.9 s left
        h.clock.advance(by: .seconds(60))  // (frees an unbounded attempt, so a regression fails, not hangs)
        let error = await task.value
        XCTAssertEqual(error?.code, .timeout)
        XCTAssertEqual(h.transport.requests.map(\.timeout), [.seconds(4), .milliseconds(1900)])
    }
}
