import Foundation
import WeatherCore
import WeatherTesting
import XCTest

final class QuotaTests: XCTestCase {
    func testQuotaIsNeverExceededUnderThousandConcurrentRequests() async throws {
        let h = Harness(quota: QuotaPolicy(callsPerMinute: 60))
        h.transport.always(.any, .json(Reading.json(temp: 1)))
        let client = h.client
        let codes = await withTaskGroup(of: WeatherError.Code?.self) { group in
            for i in 0..<1_000 {
                group.addTask {
                    do {
                        _ = try await client.fetch(Harness.request("city-\(i)"), as: Reading.self)
                        return nil
                    } catch {
                        return (error as? WeatherError)?.code ?? .unexpectedResponse
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(h.transport.requestCount, 60)
        XCTAssertEqual(codes.filter { $0 == nil }.count, 60)
        XCTAssertEqual(codes.filter { $0 == .quotaExhausted }.count, 940)

        h.clock.advance(by: .seconds(59))
        let still = await weatherError { _ = try await h.reading(Harness.request("late")) }
        XCTAssertEqual(still?.code, .quotaExhausted, "tokens come back only 60 s after they were spent")
        h.clock.advance(by: .seconds(1))
        _ = try await h.reading(Harness.request("later"))
        XCTAssertEqual(h.transport.requestCount, 61)
    }

    func testSlidingWindowNeverAllowsMoreThanTheLimitInAnyMinute() async throws {
        let h = Harness(quota: QuotaPolicy(callsPerMinute: 10))
        h.transport.always(.any, .json(Reading.json(temp: 1)))
        var callTimes: [Date] = []
        for i in 0..<300 {  // one attempt every 3 s for 15 minutes
            let before = h.transport.requestCount
            _ = try? await h.reading(Harness.request("c\(i)"))
            if h.transport.requestCount > before { callTimes.append(h.clock.now) }
            h.clock.advance(by: .seconds(3))
        }
        for (i, start) in callTimes.enumerated() {
            let inWindow = callTimes[i...].prefix { $0.timeIntervalSince(start) < 60 }.count
            XCTAssertLessThanOrEqual(inWindow, 10)
        }
        XCTAssertGreaterThan(callTimes.count, 140)
    }

    func testDailyBudgetPerFamily() async throws {
        let h = Harness(quota: QuotaPolicy(callsPerMinute: 60, dailyBudget: [.oneCall: 3]))
        h.transport.always(.any, .json(Reading.json(temp: 1)))
        for i in 0..<3 { _ = try await h.reading(Harness.request("o\(i)", endpoint: .oneCall)) }
        let spent = await weatherError { _ = try await h.reading(Harness.request("o3", endpoint: .oneCall)) }
        XCTAssertEqual(spent?.code, .quotaExhausted)
        _ = try await h.reading(Harness.request("c", endpoint: .current))  // other families are unaffected
        h.clock.advance(by: .seconds(86400))
        _ = try await h.reading(Harness.request("o4", endpoint: .oneCall))
        XCTAssertEqual(h.transport.requestCount, 5)
        XCTAssertTrue(h.observer.events(.quotaRemaining).contains { $0.family == .oneCall && $0.quotaLeftToday == 0 })
    }

    func testExhaustedQuotaServesStale() async throws {
        let h = Harness(quota: QuotaPolicy(callsPerMinute: 1))
        try await h.prime(temp: 3)
        h.clock.advance(by: .seconds(1000))
        h.transport.enqueue(.any, .json(Reading.json(temp: 9)))
        _ = try await h.reading(Harness.request("other"))  // spends this minute's only token
        let result = try await h.reading()
        XCTAssertEqual(result.cacheStatus, .stale)
        XCTAssertEqual(result.value.temp, 3)
        XCTAssertEqual(h.transport.requestCount, 2)
    }
}
