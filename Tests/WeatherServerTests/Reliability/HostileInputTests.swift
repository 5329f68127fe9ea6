import Foundation
import HTTPTypes
import HummingbirdTesting
import OpenWeatherStub
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// Oversized and hostile inputs are refused with a 4xx problem, never a 5xx, and never reach upstream.
/// (`scripts/reliability/hostile.py` sends the same over real sockets, where the HTTP parser
/// answers the ones that never reach a route: 431, a huge `Content-Length` on a GET.)
final class HostileInputTests: XCTestCase {
    static var cases: [(name: String, uri: String, expected: Set<Int>)] {
        let pairs = (0..<1_000).map { "p\($0)=1" }.joined(separator: "&")
        return [
            ("10 kB query", "/v1/weather/current?city=" + String(repeating: "a", count: 10_240), [414]),
            ("1,000 parameters", "/v1/weather/current?" + pairs, [400, 414]),
            ("1,000 short parameters", "/v1/weather/current?" + String(repeating: "a&", count: 1_000), [400]),
            ("NUL byte", "/v1/weather/current?city=Bo%00nn", [400]),
            ("NUL in a name", "/v1/weather/current?ci%00ty=Bonn", [400]),
            ("invalid UTF-8", "/v1/weather/current?city=%FF%FE", [400]),
            ("overlong UTF-8", "/v1/weather/current?city=%C0%AF", [400]),
            ("lone surrogate", "/v1/weather/current?city=%ED%A0%80", [400]),
            ("CRLF in a value", "/v1/weather/current?city=Bonn%0D%0ASet-Cookie:%20x=1", [400]),
            ("bad escape", "/v1/weather/current?city=%G1", [400]),
            ("truncated escape", "/v1/weather/current?city=Bonn%", [400]),
            ("duplicate parameter", "/v1/weather/current?city=Bonn&city=Köln", [400]),
            ("DEL", "/v1/weather/current?city=%7F", [400]),
            ("dot-dot path", "/v1/weather/../../etc/passwd", [400, 404]),
            ("encoded dot-dot", "/v1/%2e%2e/%2e%2e/etc/passwd", [400, 404]),
            ("dot-dot in the legacy city", "/weather/..%2F..%2Fetc%2Fpasswd", [400, 404]),
            ("NUL in the legacy city", "/weather/Bo%00nn", [400]),
            ("invalid UTF-8 in the legacy city", "/weather/%FF", [400]),
            ("huge number", "/v1/weather/current?lat=1e308&lon=1e308", [400]),
            ("NaN", "/v1/weather/current?lat=nan&lon=0", [400]),
            ("huge id", "/v1/weather/current?id=99999999999999999999999", [400]),
            ("huge cnt", "/v1/weather/forecast?city=Bonn&cnt=99999999999999999999", [400]),
            ("bad date", "/v1/weather/onecall/day-summary?lat=1&lon=1&date=2024-02-30", [400]),
            ("huge date", "/v1/weather/onecall/day-summary?lat=1&lon=1&date=99999-01-01", [400]),
            ("long city", "/v1/weather/current?city=" + String(repeating: "x", count: 3_000), [400]),
            ("long lang", "/v1/weather/current?city=Bonn&lang=" + String(repeating: "x", count: 200), [400]),
            ("page with hostile q", "/place?q=%00%FF", [400, 404]),
        ]
    }

    func testHostileQueriesAndPathsAre4xxProblemsAndNeverReachUpstream() async throws {
        try await ServiceHarness.run { harness, client in
            for (name, uri, expected) in Self.cases {
                let response = try await client.execute(uri: uri, method: .get)
                XCTAssertTrue(
                    expected.contains(Int(response.status.code)),
                    "\(name): \(response.status) \(response.text.prefix(200))")
                XCTAssertLessThan(response.status.code, 500, name)
                if !uri.hasPrefix("/place") {
                    XCTAssertEqual(response.headers[.contentType], "application/problem+json", name)
                }
            }
            XCTAssertEqual(harness.stub.stats.requests, 0, "no hostile input went upstream")
        }
    }

    func testOtherMethodsAre405WithAllow() async throws {
        try await ServiceHarness.run { _, client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options, HTTPRequest.Method("TRACE")!] {
                let response = try await client.execute(uri: "/health", method: method)
                XCTAssertEqual(response.status, .methodNotAllowed, "\(method)")
                XCTAssertEqual(response.headers[.allow], "GET, HEAD")
            }
            let head = try await client.execute(uri: "/health", method: .head)
            XCTAssertEqual(head.status, .ok)
            let id = try await client.execute(uri: "/v1/weather/current?id=1000000000", method: .get)
            XCTAssertEqual(id.status, .badRequest, "regression (schemathesis): id above the documented maximum")
        }
    }

    func testTheLegacyCityIsPercentDecoded() async throws {
        try await ServiceHarness.run { _, client in
            let response = try await client.execute(uri: "/weather/Z%C3%BCrich", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(
                response.json["city"] as? String, "Zürich",
                "regression: the path parameter reached upstream still encoded")
        }
    }

    func testHostileHeadersAreIgnoredOrRefusedWithoutA5xx() async throws {
        try await ServiceHarness.run { _, client in
            let warm = try await client.execute(uri: "/v1/weather/current?city=Bonn", method: .get)
            XCTAssertEqual(warm.status, .ok)
            let hostile: [HTTPFields] = [
                [.ifNoneMatch: String(repeating: "\"a\",", count: 2_000)],
                [.ifNoneMatch: "W/\"\u{1}\"\u{7F}"],
                [.ifNoneMatch: "*"],
                [.xRequestID: String(repeating: "r", count: 10_000)],
                [HTTPField.Name("X-Forwarded-For")!: String(repeating: "1.1.1.1, ", count: 1_000)],
            ]
            for headers in hostile {
                let response = try await client.execute(
                    uri: "/v1/weather/current?city=Bonn", method: .get, headers: headers)
                XCTAssertLessThan(response.status.code, 500, "\(headers)")
                XCTAssertNotEqual(response.headers[.xRequestID]?.count, 10_000, "an insane request id is not echoed")
            }
            let body = try await client.execute(
                uri: "/v1/weather/current?city=Bonn", method: .get, headers: [.contentLength: "99999999999999"])
            XCTAssertEqual(body.status, .badRequest, "a GET announcing a body")
        }
    }
}
