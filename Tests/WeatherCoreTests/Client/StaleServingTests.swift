import Foundation
import HTTPTypes
import WeatherCore
import WeatherTesting
import XCTest

final class StaleServingTests: XCTestCase {
    func testFreshEntryIsAHitWithAge() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(599))
        let result = try await h.reading()
        XCTAssertEqual(result.cacheStatus, .hit)
        XCTAssertEqual(result.age, .seconds(599))
        XCTAssertEqual(h.transport.requestCount, 1)
        XCTAssertEqual(h.observer.events(.lookup).map(\.cacheStatus), [.miss, .hit])
    }

    func testStaleWhileRevalidateServesStaleAndRefreshesExactlyOnce() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(650))  // past 600 s fresh, inside the 300 s SWR window
        h.transport.enqueue(.any, .json(Reading.json(temp: 6)), latency: .seconds(2))
        let client = h.client
        let results = try await withThrowingTaskGroup(of: WeatherResult<Reading>.self) { group in
            for _ in 0..<20 { group.addTask { try await client.fetch(Harness.request(), as: Reading.self) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertTrue(results.allSatisfy { $0.cacheStatus == .stale && $0.value.temp == 5 })
        XCTAssertEqual(results.first?.age, .seconds(650))
        try await h.clock.waitForSleepers(1)  // the one background refresh, waiting on upstream
        h.clock.advance(by: .seconds(2))
        await h.client.drainBackgroundRefreshes()
        let refreshed = try await h.reading()
        XCTAssertEqual(refreshed.cacheStatus, .hit)
        XCTAssertEqual(refreshed.value.temp, 6)
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    func testStaleIfErrorOn5xxTimeoutAnd429() async throws {
        let failures: [ScriptedTransport.Reply] = [
            .status(503, body: "<html>busy</html>"),
            .failure(WeatherError(code: .timeout, message: "timed out")),
            .failure(WeatherError(code: .connectionFailed, message: "reset")),
            .status(429, body: #"{"cod":429}"#, headerFields: [.retryAfter: "30"]),
        ]
        for failure in failures {
            let h = Harness()
            try await h.prime(temp: 5)
            h.clock.advance(by: .seconds(1000))  // past SWR (900 s), inside stale-if-error (4,200 s)
            h.transport.enqueue(.any, failure)
            let result = try await h.reading()
            XCTAssertEqual(result.cacheStatus, .stale, "\(failure)")
            XCTAssertEqual(result.value.temp, 5)
            XCTAssertEqual(h.transport.requestCount, 2)
            XCTAssertEqual(h.store.setKeys.count, 1, "a failure is never cached")
        }
    }

    func testFailureWithoutStaleEntryThrowsAndIsNotCached() async throws {
        for (reply, code) in [
            (ScriptedTransport.Reply.status(502), WeatherError.Code.serverError),
            (.openWeatherError(401), .invalidAPIKey), (.status(429), .rateLimited),
        ] {
            let h = Harness()
            h.transport.enqueue(.any, reply)
            let error = await weatherError { _ = try await h.reading() }
            XCTAssertEqual(error?.code, code)
            XCTAssertEqual(h.store.setKeys, [], "\(code) must never be cached")
            XCTAssertFalse(error?.description.contains("SECRETKEY") ?? true)
            XCTAssertTrue(h.observer.events(.lookupFailed).contains { $0.family == .current && $0.errorCode == code })
        }
    }

    func testStaleIsNotServedForNonRetryableErrors() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(1000))
        h.transport.enqueue(.any, .openWeatherError(401))
        let error = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(error?.code, .invalidAPIKey)
    }

    func testExpiredBeyondStaleIfErrorIsAMiss() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(600 + 3600 + 1))
        h.transport.enqueue(.any, .status(503))
        let error = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(error?.code, .serverError)
    }

    func testRefreshOfExpiredEntryIsRevalidated() async throws {
        let h = Harness()
        try await h.prime(temp: 5)
        h.clock.advance(by: .seconds(1000))
        h.transport.enqueue(.any, .json(Reading.json(temp: 7, dt: 1_767_226_600)))
        let result = try await h.reading()
        XCTAssertEqual(result.cacheStatus, .revalidated)
        XCTAssertEqual(result.value.temp, 7)
        XCTAssertEqual(result.age, .zero)
    }

    func testOlderObservationNeverReplacesNewer() async throws {
        let h = Harness()
        try await h.prime(temp: 5, dt: 1_767_226_000)
        h.clock.advance(by: .seconds(1000))
        h.transport.enqueue(.any, .json(Reading.json(temp: 4, dt: 1_767_225_000)))  // an older `dt`
        let result = try await h.reading()
        XCTAssertEqual(result.value.temp, 5)
        XCTAssertEqual(result.cacheStatus, .revalidated, "upstream was asked and confirmed the cached entry")
        let written = h.store.operations.compactMap { if case .set(_, let entry, _) = $0 { entry } else { nil } }
        XCTAssertFalse(
            written.contains { $0.body == Array(Reading.json(temp: 4, dt: 1_767_225_000).utf8) },
            "the older data was not written")
        XCTAssertEqual(h.observer.events(.olderDataDiscarded).count, 1)
        let next = try await h.reading()
        XCTAssertEqual(next.cacheStatus, .hit, "the kept entry is fresh again")
        XCTAssertEqual(h.transport.requestCount, 2, "the next lookup did not ask upstream again")
    }

    func testCacheStoreFailureIsAMissNotAnError() async throws {
        let h = Harness()
        h.store.isFailing = true
        h.transport.always(.any, .json(Reading.json(temp: 9)))
        let first = try await h.reading()
        let second = try await h.reading()
        XCTAssertEqual([first.cacheStatus, second.cacheStatus], [.miss, .miss])
        XCTAssertEqual(h.transport.requestCount, 2)
        XCTAssertFalse(h.observer.events(.cacheStoreError).isEmpty)
    }

    func testUnreadableCachedEntryIsRefetched() async throws {
        let h = Harness()
        let key = h.client.cacheKey(for: Harness.request())
        let now = h.clock.now
        try await h.store.set(
            key,
            to: CacheEntry(
                body: Array("garbage".utf8), fetchedAt: now,
                freshUntil: now.addingTimeInterval(600), staleUntil: now.addingTimeInterval(900)), ttl: .seconds(900))
        h.transport.enqueue(.any, .json(Reading.json(temp: 2)))
        let result = try await h.reading()
        XCTAssertEqual(result.value.temp, 2)
        XCTAssertEqual(result.cacheStatus, .miss)
    }
}
