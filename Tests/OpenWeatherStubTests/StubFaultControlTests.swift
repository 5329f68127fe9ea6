import Foundation
import OpenWeatherStub
import XCTest

/// Issue 11, item 14: faults and stats driven over HTTP on a running stub, as the service's fault
/// scripts and tests in other languages do.
final class StubFaultControlTests: XCTestCase {
    private let weather = "/data/2.5/weather?q=Oslo&appid=stub-key"
    private let forecast = "/data/2.5/forecast?q=Oslo&appid=stub-key"

    func testPutFaultsAppliesThemPerPathAndTimesThenTheyExpire() async throws {
        try await OpenWeatherStub.withRunning { stub in
            let put = try await stub.call(
                "PUT", "/__stub/faults",
                body: #"[{"fault":"status","status":503,"path_prefix":"/data/2.5/weather","times":2}]"#)
            XCTAssertEqual(put.status, 200, put.text)
            let rules = try XCTUnwrap(try put.json() as? [[String: Any]])
            XCTAssertEqual(rules.count, 1)
            XCTAssertEqual(rules.first?["fault"] as? String, "status")
            XCTAssertEqual(rules.first?["times"] as? Int, 2)

            let other = try await stub.call(forecast)
            XCTAssertEqual(other.status, 200, "another path is not affected")
            let first = try await stub.call(weather)
            let second = try await stub.call(weather)
            let third = try await stub.call(weather)
            XCTAssertEqual([first.status, second.status, third.status], [503, 503, 200])
            let left = try await stub.call("/__stub/faults")
            XCTAssertEqual(left.text, "[]", "the rule expired after 2 uses")
        }
    }

    func testGetShowsWhatIsLeftAndDeleteClears() async throws {
        try await OpenWeatherStub.withRunning { stub in
            _ = try await stub.call(
                "PUT", "/__stub/faults",
                body: #"""
                    [{"fault":"latency","ms":5},{"fault":"rate_limited","times":3},
                     {"fault":"older_observation","seconds":3600,"path_prefix":"/data/2.5/weather"}]
                    """#)
            _ = try await stub.call(forecast)  // uses the latency and one rate_limited
            let read = try await stub.call("/__stub/faults")
            XCTAssertEqual(
                read.text,
                #"[{"fault":"latency","ms":5},{"fault":"rate_limited","times":2},"#
                    + #"{"fault":"older_observation","seconds":3600,"path_prefix":"/data/2.5/weather"}]"#)
            XCTAssertEqual(stub.faultRules.count, 3)
            let cleared = try await stub.call("DELETE", "/__stub/faults")
            XCTAssertEqual(cleared.text, "[]")
            XCTAssertTrue(stub.faultRules.isEmpty)
            let normal = try await stub.call(forecast)
            XCTAssertEqual(normal.status, 200)
        }
    }

    func testPostAddsRulesAndResetZeroesTheStatsOnly() async throws {
        try await OpenWeatherStub.withRunning { stub in
            _ = try await stub.call(weather)
            _ = try await stub.call("POST", "/__stub/faults", body: #"[{"fault":"status","status":500}]"#)
            _ = try await stub.call("POST", "/__stub/faults", body: #"[{"fault":"html_error_page"}]"#)
            XCTAssertEqual(stub.faultRules.count, 2)
            XCTAssertEqual(stub.stats.requests, 1)
            let reset = try await stub.call("POST", "/__stub/reset")
            XCTAssertEqual(reset.status, 200)
            XCTAssertEqual((try reset.json() as? [String: Any])?["requests"] as? Int, 0)
            XCTAssertEqual(stub.stats.requests, 0)
            XCTAssertEqual(stub.faultRules.count, 2, "reset leaves the faults alone")
        }
    }

    func testInvalidRulesAreRefusedWithAReasonAndChangeNothing() async throws {
        try await OpenWeatherStub.withRunning { stub in
            _ = try await stub.call("PUT", "/__stub/faults", body: #"[{"fault":"malformed_json"}]"#)
            for (body, reason) in [
                ("not json", "not JSON"), (#"{"fault":"status"}"#, "array"),
                (#"[{"fault":"melt"}]"#, "unknown fault \"melt\""),
                (#"[{"fault":"status"}]"#, "\"status\" is required"),
                (#"[{"fault":"status","status":503,"path":"/x"}]"#, "unknown field \"path\""),
                (#"[{"fault":"status","status":503,"times":0}]"#, "\"times\""),
                (#"[{"fault":"connection_reset","path_prefix":"data"}]"#, "path_prefix"),
            ] {
                let reply = try await stub.call("PUT", "/__stub/faults", body: body)
                XCTAssertEqual(reply.status, 400, body)
                let message = (try reply.json() as? [String: Any])?["error"] as? String ?? ""
                XCTAssertTrue(message.contains(reason), "\(body): \(reply.text)")
            }
            XCTAssertEqual(stub.faultRules, [FaultRule(.malformedJSON)], "the rules in force did not change")
            let wrongMethod = try await stub.call("DELETE", "/__stub/stats")
            XCTAssertEqual(wrongMethod.status, 405)
            XCTAssertEqual(wrongMethod.header("Allow"), "GET")
            let unknown = try await stub.call("/__stub/nothing")
            XCTAssertEqual(unknown.status, 404)
            XCTAssertEqual(stub.stats.requests, 0, "control requests are not counted")
        }
    }
}
