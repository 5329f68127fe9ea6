import HTTPTypes
import HummingbirdTesting
import TestSupport
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// When the service closes a connection, over real sockets on both paths — `/health`, which the
/// fast path answers, and `/metrics`, which only the router does: every way RFC 9112 §9.3 has of
/// asking to close (issue 23, item 8), a request answered before its body arrived (item 7), and
/// `Host` missing or repeated (item 12, RFC 9112 §3.2). Each closing answer says `Connection: close`.
final class ConnectionCloseTests: XCTestCase {
    func testEveryWayOfAskingToCloseClosesAfterTheAnswerOnBothPaths() async throws {
        try await ServiceHarness.run(live: true) { _, client in
            let port = try XCTUnwrap(client.port)
            for path in ["/health", "/metrics"] {
                for request in [
                    "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n",
                    "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, close\r\n\r\n",
                    "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nConnection: CLOSE\r\n\r\n",
                    "GET \(path) HTTP/1.0\r\n\r\n",
                    "GET \(path) HTTP/1.0\r\nHost: x\r\n\r\n",
                ] {
                    try Self.assertAnsweredThenClosed(request, port: port, statuses: [200])
                }
            }
            try Self.assertAnsweredThenClosed(
                "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", port: port, statuses: [404, 405])
        }
    }

    func testRequestsThatKeepTheConnectionOpenStillDo() async throws {
        try await ServiceHarness.run(live: true) { _, client in
            let port = try XCTUnwrap(client.port)
            for path in ["/health", "/metrics"] {
                for request in [
                    "GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n", "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n",
                    "GET \(path) HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
                ] {
                    let connection = try KeepAliveConnection(port: port, timeout: 5)
                    try connection.transmit(request + request)
                    let answers = try connection.responses(2)
                    XCTAssertEqual(answers.map(\.status), [200, 200], request)
                    XCTAssertNil(answers[1].headers["connection"], request)
                }
            }
        }
    }

    func testAnAnswerGivenBeforeTheBodyArrivedClosesTheConnection() async throws {
        // One byte of an announced 100,000: before, each dripped byte kept the connection open.
        try await ServiceHarness.run(live: true, idleTimeout: .seconds(30)) { _, client in
            let port = try XCTUnwrap(client.port)
            for request in [
                "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nx",
                "GET /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nx",
                "POST /v1/weather/current?city=Oslo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nx",
                "POST /health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n",
            ] {
                try Self.assertAnsweredThenClosed(request, port: port, statuses: [400, 405])
            }
        }
    }

    func testAMissingOrRepeatedHostIsRefusedOnBothPaths() async throws {
        try await ServiceHarness.run(live: true) { harness, client in
            let port = try XCTUnwrap(client.port)
            for path in ["/health", "/metrics", "/v1/weather/current?city=Oslo"] {
                for request in [
                    "GET \(path) HTTP/1.1\r\n\r\n", "GET \(path) HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                    "GET \(path) HTTP/1.1\r\nhost: a\r\nHOST: a\r\n\r\n", "GET \(path) HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n",
                ] {
                    try Self.assertAnsweredThenClosed(request, port: port, statuses: [400])
                }
            }
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 0, "a refused request never goes upstream")

            // In its turn: the request before it is answered first, nothing after it at all.
            let connection = try KeepAliveConnection(port: port, timeout: 5)
            try connection.transmit(
                "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /health HTTP/1.1\r\n\r\n"
                    + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertEqual(try connection.responses(2).map(\.status), [200, 400])
            XCTAssertTrue(connection.closedByServer())
        }
    }

    /// Sends `request` on a new connection: one answer with a status in `statuses` and
    /// `Connection: close`, then the server closes (within 3 s: no idle timeout in between).
    private static func assertAnsweredThenClosed(
        _ request: String, port: Int, statuses: Set<Int>, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let connection = try KeepAliveConnection(port: port, timeout: 3)
        try connection.transmit(request)
        let answer = try XCTUnwrap(connection.responses(1).first, file: file, line: line)
        XCTAssertTrue(statuses.contains(answer.status), "\(answer.status) for \(request)", file: file, line: line)
        XCTAssertEqual(answer.headers["connection"], "close", request, file: file, line: line)
        XCTAssertTrue(connection.closedByServer(), "still open after \(request)", file: file, line: line)
    }
}
