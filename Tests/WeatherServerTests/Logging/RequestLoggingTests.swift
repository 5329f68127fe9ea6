import Foundation
import HTTPTypes
import HummingbirdTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

final class RequestLoggingTests: XCTestCase {
    func testOneTextLinePerRequestWithStatusRouteDurationCacheAndRequestID() async throws {
        try await ServiceHarness.run { harness, client in
            let response = try await client.execute(
                uri: "/v1/weather/current?city=Bonn", method: .get, headers: [.xRequestID: "abc-123"])
            XCTAssertEqual(response.headers[.xRequestID], "abc-123", "a sane client id is echoed")
            let made = try await client.execute(uri: "/health", method: .get, headers: [.xRequestID: "bad id\u{7F}"])
            XCTAssertNotEqual(made.headers[.xRequestID], "bad id\u{7F}")
            let lines = harness.logs.all.filter { $0.contains(" request ") }
            XCTAssertEqual(lines.count, 2, lines.joined(separator: "\n"))
            let line = try XCTUnwrap(lines.first)
            for part in [
                " info ", "method=GET", "route=/v1/weather/current", "status=200", "cache=MISS", "request_id=abc-123",
                "path=/v1/weather/current?city=Bonn", "duration_ms=",
            ] {
                XCTAssertTrue(line.contains(part), "\(part) missing in \(line)")
            }
        }
    }

    func testJSONLinesParseAndSecretsInTheQueryAreRedacted() async throws {
        try await ServiceHarness.run(logFormat: .json) { harness, client in
            _ = try await client.execute(uri: "/v1/weather/current?city=Bonn&appid=topsecret&token=t0k3n", method: .get)
            let line = try XCTUnwrap(harness.logs.all.last)
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(object["message"] as? String, "request")
            XCTAssertEqual(object["status"] as? Int, 400, "a number, not a string: \(line)")
            XCTAssertNotNil(object["duration_ms"] as? Double, "a number: \(line)")
            XCTAssertEqual(object["level"] as? String, "info")
            XCTAssertFalse(line.contains("topsecret"))
            XCTAssertFalse(line.contains("t0k3n"))
            XCTAssertTrue((object["path"] as? String)?.contains("appid=REDACTED") == true, line)
        }
    }
}
