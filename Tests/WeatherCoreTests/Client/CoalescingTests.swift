import Foundation
import WeatherCore
import WeatherTesting
import XCTest

final class CoalescingTests: XCTestCase {
    func testHundredConcurrentIdenticalRequestsMakeOneUpstreamCall() async throws {
        let h = Harness()
        h.store.isFailing = true  // no cache hit possible: only coalescing can keep upstream at one call
        h.transport.enqueue(.any, .json(Reading.json(temp: 21.5)), latency: .seconds(1))
        let client = h.client
        let results = try await withThrowingTaskGroup(of: WeatherResult<Reading>.self) { group in
            for _ in 0..<100 {
                group.addTask { try await client.fetch(Harness.request(), as: Reading.self) }
            }
            try await h.clock.waitForSleepers(1)
            // Every caller has joined the flight before it lands: one that had only read the
            // (failing) store by then would start a second flight once this one ended.
            var waiting = 0
            for _ in 0..<10_000 {
                waiting = await client.callersWaiting(for: Harness.request())
                if waiting == 100 { break }
                await Task.yield()
            }
            XCTAssertEqual(waiting, 100)
            h.clock.advance(by: .seconds(1))
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(results.count, 100)
        XCTAssertTrue(results.allSatisfy { $0.value.temp == 21.5 })
        XCTAssertTrue(results.allSatisfy { $0.cacheStatus == .miss }, "every caller missed the cache")
        XCTAssertEqual(h.transport.requestCount, 1)
        XCTAssertNoThrow(try h.transport.verifyAllConsumed())
    }

    func testOneCallersCancellationDoesNotCancelTheSharedFetch() async throws {
        let h = Harness()
        h.transport.enqueue(.any, .json(Reading.json(temp: 3)), latency: .seconds(1))
        let client = h.client
        let cancelled = Task { try await client.fetch(Harness.request(), as: Reading.self) }
        try await h.clock.waitForSleepers(1)  // the shared fetch is waiting on upstream
        let survivor = Task { try await client.fetch(Harness.request(), as: Reading.self) }
        cancelled.cancel()
        do {
            _ = try await cancelled.value
            XCTFail("the cancelled caller should stop waiting")
        } catch is CancellationError {}  // returned before the clock moved: it stopped waiting at once
        XCTAssertEqual(h.clock.sleeperCount, 1, "the shared fetch goes on")
        h.clock.advance(by: .seconds(1))
        let result = try await survivor.value
        XCTAssertEqual(result.value.temp, 3)
        XCTAssertEqual(h.transport.requestCount, 1)
        let cached = try await h.reading()
        XCTAssertEqual(cached.cacheStatus, .hit)
    }

    func testDifferentKeysAreNotCoalesced() async throws {
        let h = Harness()
        h.transport.always(.any, .json(Reading.json(temp: 1)))
        _ = try await h.reading(Harness.request("Paris"))
        _ = try await h.reading(Harness.request("Berlin"))
        _ = try await h.reading(Harness.request(" paris "))
        XCTAssertEqual(h.transport.requestCount, 2)
    }
}
