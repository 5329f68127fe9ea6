import HTTPTypes
import HummingbirdTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The near-cache fast path in front of the router: an exact repeat is answered without routing,
/// yet observed, headed and conditioned exactly as a routed answer.
final class FastPathTests: XCTestCase {
    func testAnExactRepeatIsAnsweredAheadOfTheRouterWithTheSameObservation() async throws {
        try await ServiceHarness.run { harness, client in
            let target = "/v1/weather/current?city=Oslo&units=imperial"
            let routed = try await client.execute(uri: target, method: .get)
            XCTAssertEqual(routed.headers[.xCache], "MISS")
            let fast = try await client.execute(uri: target, method: .get, headers: [.xRequestID: "repeat-1"])
            XCTAssertEqual(fast.status, .ok)
            XCTAssertEqual(fast.headers[.xCache], "HIT")
            XCTAssertEqual(fast.text, routed.text)
            for field in [HTTPField.Name.contentType, .eTag, .cacheControl, .age] {
                XCTAssertEqual(fast.headers[field], routed.headers[field], "\(field)")
            }
            XCTAssertEqual(fast.headers[.xRequestID], "repeat-1")
            let notModified = try await client.execute(
                uri: target, method: .get, headers: [.ifNoneMatch: try XCTUnwrap(routed.headers[.eTag])])
            XCTAssertEqual(notModified.status, .notModified)
            XCTAssertTrue(notModified.text.isEmpty)

            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            for expected in [
                #"http_requests_total{route="/v1/weather/current",method="GET",status="200"} 2"#,
                #"http_requests_total{route="/v1/weather/current",method="GET",status="304"} 1"#,
                #"weather_lookups_total{family="current",cache="hit"} 2"#,
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

    func testOtherMethodsAndRoutesStillGoThroughTheRouter() async throws {
        try await ServiceHarness.run { _, client in
            let target = "/v1/weather/current?city=Oslo"
            _ = try await client.execute(uri: target, method: .get)
            let post = try await client.execute(uri: target, method: .post)
            XCTAssertEqual(
                post.status, .methodNotAllowed, "a POST to a lookup is refused by the router, not answered from cache")
            XCTAssertEqual(post.headers[.contentType], "application/problem+json")
            let withBody = try await client.execute(
                uri: target, method: .get, headers: [.contentLength: "1000000000"])
            XCTAssertEqual(withBody.status, .badRequest, "a cached target announcing a body is still refused")
            let chunked = try await client.execute(uri: target, method: .get, headers: [.transferEncoding: "chunked"])
            XCTAssertEqual(chunked.status, .badRequest, "so is one announcing a chunked body")
            let empty = try await client.execute(uri: target, method: .get, headers: [.contentLength: "0"])
            XCTAssertEqual(empty.status, .ok, "Content-Length: 0 carries no body: the fast path answers it")
            XCTAssertEqual(empty.headers[.xCache], "HIT")
            let unknown = try await client.execute(uri: "/v1/weather/nowhere?city=Oslo", method: .get)
            XCTAssertEqual(unknown.status, .notFound)
        }
    }
}
