import Foundation
import HTTPTypes
import HummingbirdTesting
import OpenWeatherStub
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// One Call over the real stub on each plan a key can have: the assembled 4.0 answer, the
/// timeline and alerts routes, their problems, and what a repeat costs.
final class OneCallRoutesTests: XCTestCase {
    private static func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get)
    }

    private static func source(_ response: TestResponse) -> [String: Any]? {
        (response.json["data"] as? [String: Any])?["source"] as? [String: Any]
    }

    func testOneCallOn40IsAssembledAndARepeatCostsNothing() async throws {
        try await ServiceHarness.run(oneCallPlan: .oneCall4) { harness, client in
            let first = try await Self.get(client, "/v1/weather/onecall?city=London&country=GB&units=metric")
            XCTAssertEqual(first.status, .ok, first.text)
            XCTAssertEqual(Self.source(first)?["api"] as? String, "4.0")
            let calls = try XCTUnwrap(Self.source(first)?["upstream_calls"] as? Int)
            XCTAssertGreaterThanOrEqual(calls, 6, "current, 1min, 3 pages of 1h, 1day")
            let data = try XCTUnwrap(first.json["data"] as? [String: Any])
            XCTAssertEqual((data["hourly"] as? [Any])?.count, 48)
            XCTAssertEqual((data["daily"] as? [Any])?.count, 8)
            XCTAssertEqual((data["minutely"] as? [Any])?.count, 60)
            let before = harness.stub.stats.requests
            let again = try await Self.get(client, "/v1/weather/onecall?city=London&country=GB&units=imperial")
            XCTAssertEqual(again.status, .ok)
            XCTAssertEqual(harness.stub.stats.requests, before, "another unit system is answered from the same parts")
            XCTAssertEqual(Self.source(again)?["upstream_calls"] as? Int, 0)
            let metrics = try await Self.get(client, "/metrics").text
            XCTAssertTrue(metrics.contains(#"weather_upstream_requests_total{endpoint="onecall4-1h",version="4.0"} 3"#), metrics)
            XCTAssertTrue(metrics.contains(#"weather_onecall_api{version="4.0"} 1"#))
        }
    }

    func testOneCallOn30SaysSoAndFifteenMinutesIsAProblemNaming40() async throws {
        try await ServiceHarness.run(oneCallPlan: .oneCall3) { _, client in
            let oneCall = try await Self.get(client, "/v1/weather/onecall?lat=51.51&lon=-0.13")
            XCTAssertEqual(oneCall.status, .ok, oneCall.text)
            XCTAssertEqual(Self.source(oneCall)?["api"] as? String, "3.0")
            let minutes = try await Self.get(client, "/v1/weather/timeline/1min?lat=51.51&lon=-0.13")
            XCTAssertEqual(minutes.status, .ok, minutes.text)
            XCTAssertEqual(Self.source(minutes)?["api"] as? String, "3.0")
            let quarter = try await Self.get(client, "/v1/weather/timeline/15min?lat=51.51&lon=-0.13")
            // Well formed (the document admits it), but a 3.0 account cannot answer it: 422.
            XCTAssertEqual(quarter.status, .unprocessableContent)
            XCTAssertTrue((quarter.json["detail"] as? String ?? "").contains("One Call 4.0"), quarter.text)
            let history = try await Self.get(
                client, "/v1/weather/timeline/1h?lat=51.51&lon=-0.13&start=2024-03-01&end=2024-03-02")
            XCTAssertEqual(history.status, .unprocessableContent)
            XCTAssertTrue((history.json["detail"] as? String ?? "").contains("One Call 4.0"), history.text)
        }
    }

    func testWithoutAnyOneCallPlanTheProblemSaysSoAndOtherRoutesWork() async throws {
        try await ServiceHarness.run(oneCallPlan: .noOneCall) { harness, client in
            let oneCall = try await Self.get(client, "/v1/weather/onecall?lat=51.51&lon=-0.13")
            XCTAssertEqual(oneCall.status, .badGateway)
            XCTAssertEqual(oneCall.json["title"] as? String, "No One Call subscription")
            XCTAssertTrue((oneCall.json["detail"] as? String ?? "").contains("subscription"), oneCall.text)
            XCTAssertTrue(
                harness.logs.all.contains { $0.contains("no One Call subscription") }, "the operator is told in the log")
            let current = try await Self.get(client, "/v1/weather/current?lat=51.51&lon=-0.13")
            XCTAssertEqual(current.status, .ok)
        }
    }

    func testATimelineRangeIsWalkedAcrossPagesWithinItsBound() async throws {
        try await ServiceHarness.run(oneCallPlan: .oneCall4) { harness, client in
            let day = try await Self.get(
                client, "/v1/weather/timeline/1h?city=Berlin&start=2024-03-01T00:00:00Z&end=2024-03-02T00:00:00Z")
            XCTAssertEqual(day.status, .ok, day.text)
            let records = try XCTUnwrap((day.json["data"] as? [String: Any])?["records"] as? [[String: Any]])
            XCTAssertEqual(records.count, 24)
            XCTAssertEqual(records.first?["time"] as? String, "2024-03-01T00:00:00Z")
            XCTAssertEqual(harness.stub.stats.requestsByPath["/data/4.0/onecall/timeline/1h"], 2, "24 hours: 20 + 4")
            // History pages do not change: they are fresh for days.
            let cacheControl = day.headers[.cacheControl] ?? ""
            let maxAge = Int(cacheControl.split(separator: ",")[1].split(separator: "=")[1]) ?? 0
            XCTAssertGreaterThan(maxAge, 86_400, cacheControl)
        }
    }

    func testTimelineProblemsNameTheParameter() async throws {
        try await ServiceHarness.run(oneCallPlan: .oneCall4) { harness, client in
            // Not a time: 400. A well-formed range the timeline cannot answer (too long, reversed,
            // before the data, beyond what 4.0's 15-minute timeline covers): 422.
            let cases: [(String, String, HTTPResponse.Status)] = [
                ("/v1/weather/timeline/1h?city=Berlin&start=2000-01-01&end=2001-01-01", "end", .unprocessableContent),
                ("/v1/weather/timeline/1h?city=Berlin&start=yesterday", "start", .badRequest),
                ("/v1/weather/timeline/1h?city=Berlin&start=", "start", .badRequest),
                ("/v1/weather/timeline/1day?city=Berlin&start=2024-03-02&end=2024-03-01", "end", .unprocessableContent),
                ("/v1/weather/timeline/1h?city=Berlin&start=1970-01-01", "start", .unprocessableContent),
                ("/v1/weather/timeline/15min?city=Berlin&start=2024-03-01", "start", .unprocessableContent),
            ]
            for (uri, parameter, status) in cases {
                let response = try await Self.get(client, uri)
                XCTAssertEqual(response.status, status, "\(uri): \(response.text)")
                XCTAssertEqual(response.json["parameter"] as? String, parameter, uri)
            }
            let tooLong = try await Self.get(client, cases[0].0)
            XCTAssertTrue((tooLong.json["detail"] as? String ?? "").contains("limit of 4"), tooLong.text)
            XCTAssertEqual(harness.stub.stats.requests, 0, "refused before any upstream call")
        }
    }

    func testAlertsComeWithTheirDetails() async throws {
        try await ServiceHarness.run(oneCallPlan: .oneCall4) { harness, client in
            let alerts = try await Self.get(client, "/v1/weather/alerts?city=Berlin")
            XCTAssertEqual(alerts.status, .ok, alerts.text)
            let data = try XCTUnwrap(alerts.json["data"] as? [String: Any])
            XCTAssertNotNil(data["alerts"] as? [Any])
            XCTAssertEqual((data["source"] as? [String: Any])?["api"] as? String, "4.0")
            let ids = harness.stub.stats.requestsByPath.keys.filter { $0.hasPrefix("/data/4.0/onecall/alert/") }
            XCTAssertEqual((data["alerts"] as? [Any])?.count, ids.count, "one detail call per alert in force")
        }
    }

    func testEveryPageAndPartIsChargedToTheClientsUpstreamBudget() async throws {
        // A burst of 3 upstream calls: a 24-hour range is 2 pages, with the geocode 3 calls, which
        // spends it; the next uncached One Call is refused with the client's 429.
        try await ServiceHarness.run(clientLimit: ClientLimit(ratePerSecond: 0.001, burst: 3), oneCallPlan: .oneCall4) {
            _, client in
            let day = try await Self.get(
                client, "/v1/weather/timeline/1h?city=Berlin&start=2024-03-01&end=2024-03-02")
            XCTAssertEqual(day.status, .ok, day.text)
            let oneCall = try await Self.get(client, "/v1/weather/onecall?lat=59.91&lon=10.75")
            XCTAssertEqual(oneCall.status, .tooManyRequests, oneCall.text)
            XCTAssertEqual(oneCall.json["type"] as? String, "urn:weather-tracker:problem:client-rate-limited")
            let repeatDay = try await Self.get(
                client, "/v1/weather/timeline/1h?city=Berlin&start=2024-03-01&end=2024-03-02")
            XCTAssertEqual(repeatDay.status, .ok, "a cached range costs nothing")
        }
    }
}
