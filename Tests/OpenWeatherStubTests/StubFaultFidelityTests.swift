import Foundation
import OpenWeatherStub
import XCTest

/// Issue 11, item 13: the faults the client's fault handling is tested against — `dt` going
/// backwards and a 429 without `Retry-After` — each selectable per path.
final class StubFaultFidelityTests: XCTestCase {
    private let weather = "/data/2.5/weather?q=Oslo&appid=stub-key"
    private let forecast = "/data/2.5/forecast?q=Oslo&appid=stub-key"

    private func dt(_ reply: StubReply) throws -> Int {
        try XCTUnwrap((try reply.json() as? [String: Any])?["dt"] as? Int, reply.text)
    }

    func testOlderObservationMovesDtBackwardsOnItsPathOnly() async throws {
        let now = 1_775_000_000
        try await OpenWeatherStub.withRunning(configuration: .init(now: { now })) { stub in
            let before = try dt(try await stub.call(weather))
            stub.inject(.olderObservation(seconds: 3600), pathPrefix: "/data/2.5/weather", times: 1)
            let forecastReply = try await stub.call(forecast)
            XCTAssertEqual(forecastReply.status, 200)
            let older = try await stub.call(weather)
            XCTAssertEqual(older.status, 200)
            XCTAssertLessThanOrEqual(try dt(older), before - 3000, "dt went backwards by about an hour")
            let after = try dt(try await stub.call(weather))
            XCTAssertEqual(after, before, "one use, then the current answer again")
        }
    }

    func testRateLimitWithoutRetryAfter() async throws {
        try await OpenWeatherStub.withRunning { stub in
            stub.inject(.rateLimited(retryAfter: nil), pathPrefix: "/data/2.5/weather", times: 1)
            stub.inject(.rateLimited(retryAfter: 7), pathPrefix: "/data/2.5/forecast", times: 1)
            let bare = try await stub.call(weather)
            XCTAssertEqual(bare.status, 429)
            XCTAssertNil(bare.header("Retry-After"), "OpenWeather usually sends none")
            XCTAssertEqual((try bare.json() as? [String: Any])?["cod"] as? Int, 429)
            let timed = try await stub.call(forecast)
            XCTAssertEqual(timed.status, 429)
            XCTAssertEqual(timed.header("Retry-After"), "7")
        }
    }

    func testBothFaultsOverHTTP() async throws {
        let now = 1_775_000_000
        try await OpenWeatherStub.withRunning(configuration: .init(now: { now })) { stub in
            let before = try dt(try await stub.call(weather))
            _ = try await stub.call(
                "PUT", "/__stub/faults",
                body: #"[{"fault":"rate_limited","path_prefix":"/data/2.5/forecast","times":1},"#
                    + #"{"fault":"older_observation","seconds":7200,"path_prefix":"/data/2.5/weather","times":1}]"#)
            let limited = try await stub.call(forecast)
            XCTAssertEqual(limited.status, 429)
            XCTAssertNil(limited.header("Retry-After"))
            let older = try dt(try await stub.call(weather))
            XCTAssertLessThan(older, before - 6000)
        }
    }
}
