import Foundation
import HTTPTypes
import WeatherCore
import WeatherTesting
import XCTest

final class RetryTests: XCTestCase {
    private static let timeout = ScriptedTransport.Reply.failure(WeatherError(code: .timeout, message: "timed out"))

    func testBackoffScheduleIsExponentialWithFullJitter() {
        let policy = RetryPolicy(maxAttempts: 6, baseDelay: .seconds(1), maxDelay: .seconds(8))
        XCTAssertEqual(
            (1...5).map { policy.backoffCap(beforeRetry: $0) },
            [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8)])
        XCTAssertEqual(policy.backoff(beforeRetry: 3, unit: 0), .zero)
        XCTAssertEqual(policy.backoff(beforeRetry: 3, unit: 0.25), .seconds(1))
        for retry in 1...5 {
            for unit in stride(from: 0.0, to: 1.0, by: 0.01) {
                let delay = policy.backoff(beforeRetry: retry, unit: unit)
                XCTAssertGreaterThanOrEqual(delay, .zero)
                XCTAssertLessThanOrEqual(delay, policy.backoffCap(beforeRetry: retry))
            }
        }
    }

    func testTransientFailuresAreRetriedOnTheSchedule() async throws {
        let h = Harness(
            retry: RetryPolicy(
                maxAttempts: 4, baseDelay: .seconds(1), maxDelay: .seconds(8),
                deadline: .seconds(60)), random: .constant(0.5))
        h.transport.enqueue(.any, Self.timeout)
        h.transport.enqueue(.any, .status(503))
        h.transport.enqueue(.any, .failure(WeatherError(code: .connectionFailed, message: "reset")))
        h.transport.enqueue(.any, .json(Reading.json(temp: 4)))
        let task = Task { try await h.reading() }
        let start = h.clock.now
        // full jitter with u = 0.5: half of 1 s, 2 s, 4 s
        for (expected, elapsed) in [(0.5, 0.5), (1.0, 1.5), (2.0, 3.5)] {
            try await h.clock.waitForSleepers(1)
            XCTAssertEqual(h.clock.sleeperDeadlines, [start.addingTimeInterval(elapsed)])
            h.clock.advance(by: .milliseconds(Int64(expected * 1000)))
        }
        let result = try await task.value
        XCTAssertEqual(result.value.temp, 4)
        XCTAssertEqual(h.transport.requestCount, 4)
    }

    func testAttemptsAreBounded() async throws {
        let h = Harness(retry: RetryPolicy(maxAttempts: 2, baseDelay: .seconds(1)), random: .constant(0.5))
        h.transport.always(.any, Self.timeout)
        let task = Task { await weatherError { _ = try await h.reading() } }
        try await h.clock.waitForSleepers(1)
        h.clock.advance(by: .seconds(1))
        let error = await task.value
        XCTAssertEqual(error?.code, .timeout)
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    func testOverallDeadlineStopsRetries() async throws {
        let h = Harness(
            retry: RetryPolicy(
                maxAttempts: 10, baseDelay: .seconds(1), maxDelay: .seconds(60),
                deadline: .milliseconds(2500)), random: .constant(1))
        h.transport.always(.any, .status(500))
        let task = Task { await weatherError { _ = try await h.reading() } }
        try await h.clock.waitForSleepers(1)  // 1 s; the next backoff (2 s) would end past the 2.5 s deadline
        h.clock.advance(by: .seconds(1))
        let error = await task.value
        XCTAssertEqual(error?.code, .serverError)
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    func testNonRetryableErrorsFailFast() async throws {
        for status in [400, 401, 404] {
            let h = Harness(retry: RetryPolicy(maxAttempts: 5))
            h.transport.always(.any, .openWeatherError(status))
            let error = await weatherError { _ = try await h.reading() }
            XCTAssertEqual(error?.status, status)
            XCTAssertEqual(h.transport.requestCount, 1)
            XCTAssertEqual(h.clock.totalSleepCount, 0)
        }
    }

    func testRateLimitStartsCooldownHonouringRetryAfter() async throws {
        let h = Harness(retry: RetryPolicy(maxAttempts: 5))
        h.transport.enqueue(.any, .status(429, headerFields: [.retryAfter: "120"]))
        let first = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(first?.code, .rateLimited)
        XCTAssertEqual(first?.retryAfter, .seconds(120))
        XCTAssertEqual(h.transport.requestCount, 1, "a 429 is not retried")

        h.clock.advance(by: .seconds(119))
        let during = await weatherError { _ = try await h.reading(Harness.request("Oslo")) }
        XCTAssertEqual(during?.code, .rateLimited)
        XCTAssertEqual(during?.retryAfter, .seconds(1))
        XCTAssertEqual(h.transport.requestCount, 1, "no upstream call during the cooldown")

        h.clock.advance(by: .seconds(1))
        h.transport.enqueue(.any, .json(Reading.json(temp: 1)))
        _ = try await h.reading()
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    func testRateLimitWithoutRetryAfterUsesTheDefaultCooldown() async throws {
        let h = Harness()
        h.transport.enqueue(.any, .status(429))
        _ = await weatherError { _ = try await h.reading() }
        h.clock.advance(by: .seconds(59))
        let during = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(during?.retryAfter, .seconds(1))
        XCTAssertEqual(h.transport.requestCount, 1)
    }

    func testCooldownServesStaleWithoutCallingUpstream() async throws {
        let h = Harness()
        try await h.prime(temp: 8)
        h.clock.advance(by: .seconds(1000))
        h.transport.enqueue(.any, .status(429, headerFields: [.retryAfter: "600"]))
        let first = try await h.reading()
        let second = try await h.reading()
        XCTAssertEqual([first.cacheStatus, second.cacheStatus], [.stale, .stale])
        XCTAssertEqual(h.transport.requestCount, 2)
    }
}
