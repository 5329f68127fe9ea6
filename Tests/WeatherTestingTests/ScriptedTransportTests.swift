import Foundation
import HTTPTypes
import WeatherCore
import WeatherTesting
import XCTest

final class ScriptedTransportTests: XCTestCase {
    func testRepliesInOrderPerMatcherAndRecordsRequests() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(.path("/data/2.5/weather"), .json(#"{"a":1}"#))
        transport.enqueue(.path("/data/2.5/weather"), .status(503))
        transport.enqueue(.urlContains("q=Paris"), .json("[]"))

        let paris = try await transport.send(TransportRequest(url: "https://h/geo/1.0/direct?q=Paris&appid=SECRET"))
        XCTAssertEqual(paris.body, Array("[]".utf8))
        let first = try await transport.send(TransportRequest(url: "https://h/data/2.5/weather?q=x"))
        XCTAssertEqual(first.head.status, 200)
        XCTAssertEqual(first.head.headerFields[.contentType], "application/json")
        let second = try await transport.send(TransportRequest(url: "https://h/data/2.5/weather?q=x"))
        XCTAssertEqual(second.head.status, 503)
        XCTAssertEqual(transport.requestCount, 3)
        XCTAssertNoThrow(try transport.verifyAllConsumed())
    }

    func testUnscriptedRequestThrowsAndRedactsKey() async {
        let transport = ScriptedTransport()
        do {
            _ = try await transport.send(TransportRequest(url: "https://h/data/2.5/weather?q=x&appid=SECRET"))
            XCTFail("expected an error")
        } catch let error as ScriptedTransportError {
            guard case .unscripted(let request) = error else { return XCTFail("\(error)") }
            XCTAssertFalse(request.contains("SECRET"))
            XCTAssertTrue(error.description.contains("no scripted reply"))
        } catch {
            XCTFail("unexpected \(error)")
        }
        XCTAssertEqual(transport.requestCount, 1)
    }

    func testLeftoverRepliesAreReported() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(.any, .status(200), times: 2)
        transport.always(.path("/never"), .status(200))
        _ = try await transport.send(TransportRequest(url: "https://h/x"))
        XCTAssertThrowsError(try transport.verifyAllConsumed()) { error in
            XCTAssertEqual(error as? ScriptedTransportError, .leftover(["any request ×1"]))
        }
    }

    func testFailureIsThrown() async {
        let transport = ScriptedTransport()
        transport.enqueue(.any, .failure(WeatherError(code: .timeout, message: "timed out")))
        do {
            _ = try await transport.send(TransportRequest(url: "https://h/x"))
            XCTFail("expected an error")
        } catch let error as WeatherError {
            XCTAssertEqual(error.code, .timeout)
        } catch {
            XCTFail("unexpected \(error)")
        }
    }

    func testOpenWeatherErrorReply() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(.any, .openWeatherError(401, message: #"Invalid "key""#))
        let response = try await transport.send(TransportRequest(url: "https://h/x"))
        XCTAssertEqual(response.head.status, 401)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), #"{"cod":401,"message":"Invalid \"key\""}"#)
        let error = WeatherError(response: response, now: Date())
        XCTAssertEqual(error?.code, .invalidAPIKey)
    }

    func testLatencyIsSleptOnTheClock() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport(clock: clock)
        transport.enqueue(.any, .status(204), latency: .seconds(2))
        let task = Task { try await transport.send(TransportRequest(url: "https://h/x")) }
        try await clock.waitForSleepers(1)
        XCTAssertEqual(clock.sleeperDeadlines, [clock.now.addingTimeInterval(2)])
        clock.advance(by: .seconds(2))
        let response = try await task.value
        XCTAssertEqual(response.head.status, 204)
    }

    func testALatencyBeyondTheRequestsTimeoutTimesOutAtTheTimeout() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport(clock: clock)
        transport.enqueue(.any, .json("{}"), latency: .seconds(30))
        let start = clock.now
        let task = Task {
            try await transport.send(TransportRequest(url: "https://example.test/a", timeout: .seconds(2)))
        }
        try await clock.waitForSleepers(1)
        XCTAssertEqual(clock.sleeperDeadlines, [start.addingTimeInterval(2)])
        clock.advance(by: .seconds(2))
        do {
            _ = try await task.value
            XCTFail("expected a timeout")
        } catch let error as WeatherError {
            XCTAssertEqual(error.code, .timeout)
        }
    }
}
