import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestSupport
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The fast path on the event loop (``FastPathChannelHandler`` in ``ServiceHTTPServer``), over
/// real sockets: repeats and `/health` answered before Hummingbird's responder, with the routed
/// answer's headers; pipelined requests answered in order; the idle timeout and request counting
/// of Hummingbird's connection handling left intact.
final class FastPathChannelTests: XCTestCase {
    func testARepeatIsAnsweredOnTheEventLoopWithTheHeadersOfTheRoutedAnswer() async throws {
        try await ServiceHarness.run(live: true) { harness, client in
            let target = "/v1/weather/current?city=Oslo&units=imperial"
            let routed = try await client.execute(uri: target, method: .get)
            XCTAssertEqual(routed.headers[.xCache], "MISS")
            XCTAssertEqual(harness.responderCalls.count, 1)

            let fast = try await client.execute(uri: target, method: .get, headers: [.xRequestID: "repeat-1"])
            XCTAssertEqual(harness.responderCalls.count, 1, "the repeat never reached Hummingbird's responder")
            XCTAssertEqual(fast.status, .ok)
            XCTAssertEqual(fast.headers[.xCache], "HIT")
            XCTAssertEqual(fast.text, routed.text)
            XCTAssertEqual(fast.headers[.xRequestID], "repeat-1")
            XCTAssertEqual(fast.headers[.contentLength], String(fast.body.readableBytes))
            XCTAssertEqual(fast.headers[.server], "weather-tracker")
            for field in [HTTPField.Name.contentType, .eTag, .cacheControl, .age, .server] {
                XCTAssertEqual(fast.headers[field], routed.headers[field], "\(field)")
            }
            XCTAssertEqual(
                Set(fast.headers.map(\.name)), Set(routed.headers.map(\.name)),
                "the fast answer carries the same fields as the routed one")
            let date = try XCTUnwrap(fast.headers[.date])
            XCTAssertEqual(date, routed.headers[.date].map { _ in date })
            XCTAssertEqual(date.count, "Thu, 03 Dec 2026 06:04:15 GMT".count)
            XCTAssertTrue(date.hasSuffix(" GMT"), date)

            let notModified = try await client.execute(
                uri: target, method: .get, headers: [.ifNoneMatch: try XCTUnwrap(routed.headers[.eTag])])
            XCTAssertEqual(notModified.status, .notModified)
            XCTAssertTrue(notModified.text.isEmpty)
            let health = try await client.execute(uri: "/health", method: .get)
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(health.json["status"] as? String, "ok")
            XCTAssertEqual(harness.responderCalls.count, 1, "304 and /health were answered on the event loop too")

            let head = try await client.execute(uri: target, method: .head)
            XCTAssertEqual(head.status, .ok)
            XCTAssertEqual(harness.responderCalls.count, 2, "HEAD is the router's")

            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            for expected in [
                #"http_requests_total{route="/v1/weather/current",method="GET",status="200"} 2"#,
                #"http_requests_total{route="/v1/weather/current",method="GET",status="304"} 1"#,
                #"http_requests_total{route="/health",method="GET",status="200"} 1"#,
                // The repeat, the 304 and the HEAD.
                #"weather_lookups_total{family="current",cache="hit"} 3"#,
                #"weather_upstream_calls_total{family="current"} 1"#,
            ] {
                XCTAssertTrue(metrics.contains(expected), "missing \(expected) in\n\(metrics)")
            }
            let line = try XCTUnwrap(harness.logs.all.first { $0.contains("request_id=repeat-1") })
            for part in ["route=/v1/weather/current", "status=200", "cache=HIT", "path=\(target)"] {
                XCTAssertTrue(line.contains(part), "\(part) missing in \(line)")
            }
        }
    }

    func testPipelinedRequestsAreAnsweredInTheOrderTheyWereSent() async throws {
        try await ServiceHarness.run(live: true) { harness, client in
            let port = try XCTUnwrap(client.port)
            _ = try await client.execute(uri: "/v1/weather/current?city=Oslo", method: .get)
            let before = harness.responderCalls.count
            // A miss (upstream, asynchronous), then a hit and /health, which the fast path could
            // answer at once: they must wait for the miss, in order.
            let connection = try KeepAliveConnection(port: port)
            try connection.transmit(
                "GET /v1/weather/current?city=Bergen HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /v1/weather/current?city=Oslo HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /v1/weather/current?city=Oslo HTTP/1.1\r\nHost: x\r\n\r\n")
            let answers = try connection.responses(4)
            XCTAssertEqual(answers.map(\.status), [200, 200, 200, 200])
            XCTAssertEqual(answers[0].headers["x-cache"], "MISS")
            XCTAssertTrue(answers[0].body.contains("Bergen"), answers[0].body)
            XCTAssertTrue(answers[1].body.contains("Oslo"), answers[1].body)
            XCTAssertEqual(answers[2].headers["cache-control"], "no-store")
            XCTAssertTrue(answers[3].body.contains("Oslo"), answers[3].body)
            XCTAssertEqual(
                harness.responderCalls.count - before, 4, "all four arrived in one read while the miss was pending")

            // Nothing pending now: a repeat is answered on the event loop.
            try connection.transmit("GET /v1/weather/current?city=Bergen HTTP/1.1\r\nHost: x\r\n\r\n")
            let repeated = try connection.responses(1)
            XCTAssertEqual(repeated[0].headers["x-cache"], "HIT")
            XCTAssertEqual(harness.responderCalls.count - before, 4)
        }
    }

    func testEachRequestAsksTheFastPathOnceAndAClientCannotMarkItsOwn() async throws {
        try await ServiceHarness.run(live: true) { harness, client in
            let port = try XCTUnwrap(client.port)
            // A first ask: the handler asks, is declined, and marks it; the responder does not ask again.
            let connection = try KeepAliveConnection(port: port)
            try connection.transmit("GET /v1/weather/current?city=Oslo HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertEqual(try connection.responses(1).first?.headers["x-cache"], "MISS")
            XCTAssertEqual(harness.responderCalls.count, 1)
            XCTAssertEqual(harness.declinedCalls.count, 1, "the request the handler asked about is marked")

            // Connection: close is passed on unasked, its forged mark removed: the responder asks,
            // and the fast path answers it.
            let closing = try KeepAliveConnection(port: port)
            try closing.transmit(
                "GET /v1/weather/current?city=Oslo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "X-Weather-Tracker-Fast-Path-Declined: 1\r\n\r\n")
            XCTAssertEqual(try closing.responses(1).first?.headers["x-cache"], "HIT")
            XCTAssertEqual(harness.responderCalls.count, 2)
            XCTAssertEqual(harness.declinedCalls.count, 1, "a client's own mark does not reach the responder")
        }
    }

    func testConnectionCloseIsHonouredAndTheIdleTimeoutSeesFastAnswers() async throws {
        try await ServiceHarness.run(live: true, idleTimeout: .milliseconds(600)) { harness, client in
            let port = try XCTUnwrap(client.port)
            _ = try await client.execute(uri: "/v1/weather/current?city=Oslo", method: .get)
            // Busy with fast answers for longer than the idle timeout: the connection stays open.
            let connection = try KeepAliveConnection(port: port)
            for _ in 0..<6 {
                try connection.transmit("GET /v1/weather/current?city=Oslo HTTP/1.1\r\nHost: x\r\n\r\n")
                XCTAssertEqual(try connection.responses(1).first?.headers["x-cache"], "HIT")
                try await Task.sleep(for: .milliseconds(250))
            }
            // Then idle: the server closes it.
            XCTAssertTrue(connection.closedByServer(), "an idle connection is still closed after the idle timeout")

            let closing = try KeepAliveConnection(port: port)
            try closing.transmit("GET /v1/weather/current?city=Oslo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let answer = try closing.responses(1)
            XCTAssertEqual(answer.first?.headers["x-cache"], "HIT")
            XCTAssertTrue(closing.closedByServer(), "Connection: close closes after the answer")
            _ = harness
        }
    }

    func testTheDateHeaderIsAnIMFFixdate() {
        XCTAssertEqual(HTTPDate.format(secondsSinceEpoch: 0), "Thu, 01 Jan 1970 00:00:00 GMT")
        XCTAssertEqual(HTTPDate.format(secondsSinceEpoch: 951_782_400), "Tue, 29 Feb 2000 00:00:00 GMT")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var seconds = 1_796_277_855
        for _ in 0..<200 {
            XCTAssertEqual(
                HTTPDate.format(secondsSinceEpoch: seconds),
                formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
            seconds += 86_400 * 3 + 3_671
        }
    }
}
