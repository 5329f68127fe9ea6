import Foundation
import HTTPTypes
import HummingbirdTesting
import OpenWeatherStub
import WeatherCore
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// Every error status of a lookup, as an RFC 9457 problem document.
final class ProblemResponseTests: XCTestCase {
    static func assertProblem(
        _ response: TestResponse, _ status: HTTPTypes.HTTPResponse.Status, slug: String, parameter: String? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(response.status, status, response.text, file: file, line: line)
        XCTAssertEqual(response.headers[.contentType], "application/problem+json", file: file, line: line)
        XCTAssertEqual(response.headers[.cacheControl], "no-store", file: file, line: line)
        XCTAssertEqual(response.json["type"] as? String, "urn:weather-tracker:problem:\(slug)", file: file, line: line)
        XCTAssertEqual(response.json["status"] as? Int, Int(status.code), file: file, line: line)
        XCTAssertNotNil(response.json["title"] as? String, file: file, line: line)
        XCTAssertFalse((response.json["detail"] as? String ?? "").isEmpty, file: file, line: line)
        if let parameter { XCTAssertEqual(response.json["parameter"] as? String, parameter, file: file, line: line) }
        XCTAssertNotNil(response.headers[.xRequestID], file: file, line: line)
    }

    /// Well-formed values (the document's schema admits them) that cannot be answered as asked:
    /// 422, naming the parameter, and nothing goes upstream.
    func testUnanswerableInputIs422NamingTheParameter() async throws {
        let cases: [(String, String)] = [
            ("/v1/air/history?lat=1&lon=2&start=1700003600&end=1700000000", "end"),
            ("/v1/weather/onecall/day-summary?city=Rome&date=1970-01-01", "date"),
            ("/v1/weather/timeline/1h?city=Rome&start=2024-03-02&end=2024-03-01", "end"),
        ]
        try await ServiceHarness.run { harness, client in
            for (uri, parameter) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                Self.assertProblem(response, .unprocessableContent, slug: "unprocessable-parameter", parameter: parameter)
            }
            XCTAssertEqual(harness.stub.stats.requests, 0, "unanswerable input never goes upstream")
        }
    }

    func testInvalidInputIs400NamingTheParameter() async throws {
        let cases: [(String, String)] = [
            ("/v1/weather/current", "city"),
            ("/v1/weather/current?city=Rome&lat=1&lon=2", "city"),
            ("/v1/weather/current?city=Rome&units=kelvin", "units"),
            ("/v1/weather/current?city=Rome&units=Metric", "units"),
            ("/v1/weather/current?lat=91&lon=0", "lat"),
            ("/v1/weather/current?lat=10", "lon"),
            ("/v1/weather/current?city=Rome&citty=Rome", "citty"),
            ("/v1/weather/current?city=Rome&city=Paris", "city"),
            ("/v1/weather/current?city=Rome&lang=x!", "lang"),
            ("/v1/weather/current?city=%ZZ", "city"),
            ("/v1/weather/current?city=a%00b", "city"),
            ("/v1/weather/current?city=%C3%28", "city"),
            ("/v1/weather/current?lat=1&lon=2&state=IL", "state"),
            ("/v1/weather/current?id=-4", "id"),
            ("/v1/weather/forecast?city=Rome&cnt=41", "cnt"),
            ("/v1/weather/onecall?city=Rome&exclude=weekly", "exclude"),
            ("/v1/weather/onecall/timemachine?city=Rome", "dt"),
            ("/v1/weather/onecall/day-summary?city=Rome&date=2024-13-01", "date"),
            ("/v1/geocode", "q"),
            ("/v1/weather/forecast?city=Rome&cnt=", "cnt"),
            // 201 Unicode scalars in one grapheme: JSON Schema's maxLength counts scalars, and so does the router.
            ("/v1/weather/current?city=e" + String(repeating: "%CC%81", count: 200), "city"),
            ("/v1/geocode/zip?zip=1" + String(repeating: "%CC%81", count: 200), "zip"),
            ("/v1/geocode?q=e" + String(repeating: "%CC%81", count: 200) + ",GB", "q"),
            ("/weather/e" + String(repeating: "%CC%81", count: 200), "city"),
            ("/v1/geocode/zip?country=US", "zip"),
        ]
        try await ServiceHarness.run { harness, client in
            for (uri, parameter) in cases {
                let response = try await client.execute(uri: uri, method: .get)
                Self.assertProblem(response, .badRequest, slug: "invalid-parameter", parameter: parameter)
            }
            XCTAssertEqual(harness.stub.stats.requests, 0, "invalid input never goes upstream")
        }
    }

    func testHostileInputIsRefusedWithout5xx() async throws {
        try await ServiceHarness.run { _, client in
            let long = try await client.execute(
                uri: "/v1/weather/current?city=" + String(repeating: "a", count: 5000), method: .get)
            Self.assertProblem(long, .uriTooLong, slug: "uri-too-long")
            let many = (0..<40).map { "p\($0)=1" }.joined(separator: "&")
            let tooMany = try await client.execute(uri: "/v1/weather/current?\(many)", method: .get)
            Self.assertProblem(tooMany, .badRequest, slug: "too-many-parameters")
            let crlf = try await client.execute(uri: "/v1/weather/current?city=a%0D%0ASet-Cookie:x", method: .get)
            Self.assertProblem(crlf, .badRequest, slug: "invalid-parameter", parameter: "city")
            let script = try await client.execute(uri: "/v1/weather/current?%3Cscript%3E=1&city=x", method: .get)
            XCTAssertEqual(script.status, .badRequest)
            XCTAssertFalse(script.text.contains("<script>") && script.headers[.contentType] != "application/problem+json")
        }
    }

    func testUnknownPlaceIs404AndUnknownRouteIs404() async throws {
        try await ServiceHarness.run { _, client in
            let place = try await client.execute(uri: "/v1/weather/current?city=Nowhereville", method: .get)
            Self.assertProblem(place, .notFound, slug: "place-not-found")
            let route = try await client.execute(uri: "/v1/nothing", method: .get)
            Self.assertProblem(route, .notFound, slug: "no-such-route")
        }
    }

    func testUpstreamFailuresMapTo502Through504() async throws {
        try await ServiceHarness.run(transportTimeout: .milliseconds(800)) { harness, client in
            harness.stub.inject(.status(500), pathPrefix: "/data/2.5/weather", times: 1)
            let serverError = try await client.execute(uri: "/v1/weather/current?city=Bern", method: .get)
            Self.assertProblem(serverError, .badGateway, slug: "upstream-bad-response")

            harness.stub.inject(.malformedJSON, pathPrefix: "/data/2.5/weather", times: 1)
            let garbage = try await client.execute(uri: "/v1/weather/current?city=Basel", method: .get)
            Self.assertProblem(garbage, .badGateway, slug: "upstream-bad-response")

            harness.stub.inject(.latency(.seconds(3)), pathPrefix: "/data/2.5/weather", times: 1)
            let slow = try await client.execute(uri: "/v1/weather/current?city=Chur", method: .get)
            Self.assertProblem(slow, .gatewayTimeout, slug: "upstream-timeout")

            harness.stub.inject(.rateLimited(retryAfter: 7), pathPrefix: "/data/2.5/weather", times: 1)
            let limited = try await client.execute(uri: "/v1/weather/current?city=Thun", method: .get)
            Self.assertProblem(limited, .tooManyRequests, slug: "upstream-rate-limited")
            XCTAssertEqual(limited.headers[.retryAfter], "7")
        }
    }

    func testUnreachableUpstreamIs503() async throws {
        // A port nothing listens on: connection refused.
        try await ServiceHarness.run(baseURL: "http://127.0.0.1:9") { _, client in
            let response = try await client.execute(uri: "/v1/weather/current?city=Zug", method: .get)
            Self.assertProblem(response, .serviceUnavailable, slug: "upstream-unreachable")
            XCTAssertNotNil(response.headers[.retryAfter])
        }
    }

    func testSpentQuotaIs429WithRetryAfter() async throws {
        try await ServiceHarness.run(quota: QuotaPolicy(callsPerMinute: 1)) { _, client in
            let first = try await client.execute(uri: "/v1/weather/current?city=Sion", method: .get)
            XCTAssertEqual(first.status, .ok)
            let second = try await client.execute(uri: "/v1/weather/current?city=Aarau", method: .get)
            Self.assertProblem(second, .tooManyRequests, slug: "quota-exhausted")
            XCTAssertNotNil(second.headers[.retryAfter].flatMap(Int.init))
            let warm = try await client.execute(uri: "/v1/weather/current?city=Sion", method: .get)
            XCTAssertEqual(warm.headers[.xCache], "HIT", "warm keys answer while the quota is spent")
        }
    }

    func testARefusedKeyIs502AndTheKeyAppearsNowhere() async throws {
        let key = "sekrit-key-0123456789"
        try await ServiceHarness.run(apiKey: key, stubKey: "another-key") { harness, client in
            let response = try await client.execute(uri: "/v1/weather/current?city=Lugano&appid=\(key)", method: .get)
            XCTAssertEqual(response.status, .badRequest, "appid is not a parameter of ours")
            let refused = try await client.execute(uri: "/v1/weather/current?city=Lugano", method: .get)
            Self.assertProblem(refused, .badGateway, slug: "upstream-refused-key")
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            var everything = response.text + refused.text + metrics.text + harness.logs.all.joined(separator: "\n")
            for header in response.headers + refused.headers { everything += header.value }
            XCTAssertFalse(everything.contains(key), "the API key leaked")
            XCTAssertTrue(harness.logs.all.contains { $0.contains("appid=REDACTED") }, harness.logs.all.joined(separator: "\n"))
            XCTAssertTrue(harness.logs.all.contains { $0.contains("error") && $0.contains("invalid_api_key") })
        }
    }
}
