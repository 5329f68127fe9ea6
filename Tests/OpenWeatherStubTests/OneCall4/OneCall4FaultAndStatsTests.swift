import Foundation
import XCTest

@testable import OpenWeatherStub

/// Faults target 4.0 paths by prefix like any other, quirks can be fault rules, and the stats and
/// call log count every 4.0 call per endpoint.
final class OneCall4FaultAndStatsTests: XCTestCase {
    private let query = "lat=51.5&lon=-0.1&appid=stub-key"

    func testStatusFaultOnOneTimelineLeavesTheOthersAlone() async throws {
        try await OpenWeatherStub.withRunning { stub in
            stub.inject(.status(503), pathPrefix: "/data/4.0/onecall/timeline/1h", times: 1)
            do {
                let reply = try await stub.call("/data/4.0/onecall/timeline/1day?\(query)")
                XCTAssertEqual(reply.status, 200)
            }
            do {
                let reply = try await stub.call("/data/4.0/onecall/timeline/1h?\(query)")
                XCTAssertEqual(reply.status, 503)
            }
            do {
                let reply = try await stub.call("/data/4.0/onecall/timeline/1h?\(query)")
                XCTAssertEqual(reply.status, 200, "times: 1")
            }
            stub.inject(.rateLimited(retryAfter: 60), pathPrefix: "/data/4.0/onecall")
            let limited = try await stub.call("/data/4.0/onecall/current?\(query)")
            XCTAssertEqual(limited.status, 429)
            XCTAssertEqual(limited.header("Retry-After"), "60")
            do {
                let reply = try await stub.call("/data/3.0/onecall?\(query)")
                XCTAssertEqual(reply.status, 200, "3.0 is another family")
            }
        }
    }

    func testQuirkAsAFaultRuleOverJSON() async throws {
        try await OpenWeatherStub.withRunning { stub in
            let rules = try await stub.call(
                "PUT", "/__stub/faults",
                body:
                    #"[{"fault":"onecall4_quirk","quirk":"daily-weather-null","path_prefix":"/data/4.0/onecall/timeline/1day","times":1},{"fault":"onecall4_quirk","quirk":"links-null"}]"#
            )
            XCTAssertEqual(rules.status, 200, rules.text)
            XCTAssert(rules.text.contains(#""quirk":"daily-weather-null""#), rules.text)
            func weather() async throws -> Any? {
                let reply = try await stub.call("/data/4.0/onecall/timeline/1day?\(query)")
                return ((try reply.json() as? [String: Any])?["data"] as? [[String: Any]])?.first?["weather"]
            }
            let nulled = try await weather()
            let normal = try await weather()
            XCTAssert(nulled is NSNull)
            XCTAssert(normal is [Any], "times: 1")
            let reply = try await stub.call("/data/4.0/onecall/timeline/15min?\(query)")
            XCTAssert((try reply.json() as? [String: Any])?["prev"] is NSNull, "quirk rules stay until cleared")
            let bad = try await stub.call(
                "PUT", "/__stub/faults", body: #"[{"fault":"onecall4_quirk","quirk":"nope"}]"#)
            XCTAssertEqual(bad.status, 400)
            XCTAssert(bad.text.contains("daily-weather-null"), "the error lists the quirks")
        }
    }

    func testStatsAndCallLogCountEveryFourCall() async throws {
        try await OpenWeatherStub.withRunning { stub in
            var next: String? = "/data/4.0/onecall/timeline/15min?\(query)"
            var pages = 0
            while let path = next {
                let reply = try await stub.call(path)
                pages += 1
                let link = (try reply.json() as? [String: Any])?["next"] as? String
                next = link.map { String($0.dropFirst(stub.baseURL.count)) }
            }
            XCTAssertEqual(pages, 4)
            _ = try await stub.call("/data/4.0/onecall/current?\(query)")
            _ = try await stub.call("/data/4.0/onecall/alert/unknown-id?appid=stub-key")
            let stats = stub.stats
            XCTAssertEqual(stats.requestsByPath["/data/4.0/onecall/timeline/15min"], 4)
            XCTAssertEqual(stats.requestsByPath["/data/4.0/onecall/current"], 1)
            XCTAssertEqual(stats.requestsByPath["/data/4.0/onecall/alert/unknown-id"], 1)
            let log = try await stub.call("/__stub/calls")
            XCTAssertFalse(log.text.contains("stub-key"), "the call log never holds the key")
            XCTAssertEqual(log.text.components(separatedBy: "/data/4.0/onecall/timeline/15min").count - 1, 4)
        }
    }

    func testFaultPlanCollectsQuirksBesideOneFault() {
        var rules = [
            FaultRule(.oneCall4Quirk(.linksNull), pathPrefix: "/data/4.0"),
            FaultRule(.status(503), pathPrefix: "/data/4.0", times: 1),
            FaultRule(.oneCall4Quirk(.dailyWeatherNull), times: 1),
        ]
        let plan = FaultPlan.consume(&rules, path: "/data/4.0/onecall/timeline/1day")
        XCTAssertEqual(plan.quirks, [.linksNull, .dailyWeatherNull])
        XCTAssertEqual(plan.fault, .status(503))
        XCTAssertEqual(rules.count, 1)
    }
}
