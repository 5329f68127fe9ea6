import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// Issue 24, item 1: the README's first curl (`city=Zürich`, the `ü` sent as raw UTF-8 bytes) over
/// a real socket to the service's own server. NIO's parser alone refuses it with an empty 400 that
/// no route, log or metric sees; the shared `RequestTargetEncoder` in front of it makes the request
/// mean its percent-encoded form, on the routed path and on the fast path alike.
final class RawUTF8TargetTests: XCTestCase {
    private static let readmeTarget = "/v1/weather/current?city=Zürich&units=metric"
    private static let encodedTarget = "/v1/weather/current?city=Z%C3%BCrich&units=metric"

    private static func get(
        _ target: [UInt8], on connection: KeepAliveConnection
    ) throws -> KeepAliveConnection.Response {
        try connection.transmit(bytes: Array("GET ".utf8) + target + Array(" HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        return try XCTUnwrap(try connection.responses(1).first)
    }

    func testRawUTF8IsTheSameRequestAsItsPercentEncodedFormOnBothPaths() async throws {
        try await ServiceHarness.run(live: true) { harness, client in
            let connection = try KeepAliveConnection(port: try XCTUnwrap(client.port))
            let raw = Array(Self.readmeTarget.utf8)
            XCTAssertTrue(raw.contains { $0 >= 0x80 }, "the test sends raw UTF-8")

            let first = try Self.get(raw, on: connection)
            XCTAssertEqual(first.status, 200, first.body)
            XCTAssertEqual(first.headers["x-cache"], "MISS")
            XCTAssertEqual(harness.responderCalls.count, 1, "routed by Hummingbird")
            let data = try XCTUnwrap(
                (try JSONSerialization.jsonObject(with: Data(first.body.utf8)) as? [String: Any])?["data"]
                    as? [String: Any], first.body)
            XCTAssertEqual(data["name"] as? String, "Zürich", first.body)

            let repeated = try Self.get(raw, on: connection)
            XCTAssertEqual(repeated.status, 200, repeated.body)
            XCTAssertEqual(repeated.headers["x-cache"], "HIT")
            XCTAssertEqual(harness.responderCalls.count, 1, "the repeat was answered on the event loop")
            XCTAssertEqual(repeated.body, first.body)

            let encoded = try Self.get(Array(Self.encodedTarget.utf8), on: connection)
            XCTAssertEqual(encoded.headers["x-cache"], "HIT", "the same near-cache entry: the same request")
            XCTAssertEqual(encoded.body, first.body)
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 1)

            let lines = harness.logs.all.filter { $0.contains("path=\(Self.encodedTarget)") }
            XCTAssertEqual(lines.count, 3, "each request logged under its encoded target:\n\(harness.logs.all)")
            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            let expected = #"http_requests_total{route="/v1/weather/current",method="GET",status="200"} 3"#
            XCTAssertTrue(metrics.contains(expected), "missing \(expected) in\n\(metrics)")
        }
    }

    func testInvalidUTF8InTheCityIsTheServicesProblemNamingIt() async throws {
        try await ServiceHarness.run(live: true) { harness, client in
            let connection = try KeepAliveConnection(port: try XCTUnwrap(client.port))
            let target = Array("/v1/weather/current?city=Z".utf8) + [0xFF] + Array("rich&units=metric".utf8)
            for attempt in 1...2 {
                let answer = try Self.get(target, on: connection)
                XCTAssertEqual(answer.status, 400, "attempt \(attempt): \(answer.body)")
                XCTAssertEqual(answer.headers["content-type"], "application/problem+json")
                let problem = try XCTUnwrap(
                    try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any], answer.body)
                XCTAssertEqual(problem["parameter"] as? String, "city", answer.body)
                XCTAssertEqual(problem["status"] as? Int, 400)
            }
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 0)
            let ok = try Self.get(Array(Self.readmeTarget.utf8), on: connection)
            XCTAssertEqual(ok.status, 200, "the connection stays usable: \(ok.body)")
        }
    }
}
