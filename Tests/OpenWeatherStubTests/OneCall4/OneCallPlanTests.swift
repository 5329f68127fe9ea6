import Foundation
import XCTest

@testable import OpenWeatherStub

/// `oneCallPlan`: the version the key lacks answers 401 with OpenWeather's own text; a wrong key
/// is still `Invalid API key`; the rest of the API does not care.
final class OneCallPlanTests: XCTestCase {
    private let threeBody =
        #"{"cod":401, "message": "Please note that using One Call 3.0 requires a separate subscription to the One Call by Call plan. Learn more here https://openweathermap.org/price. If you have a valid subscription to the One Call by Call plan, but still receive this error, then please see https://openweathermap.org/faq#error401 for more info."}"#
    private var fourBody: String { threeBody.replacingOccurrences(of: "One Call 3.0", with: "One Call 4.0") }

    private let threePaths = [
        "/data/3.0/onecall?lat=1&lon=2", "/data/3.0/onecall/timemachine?lat=1&lon=2&dt=1700000000",
        "/data/3.0/onecall/day_summary?lat=1&lon=2&date=2024-01-02", "/data/3.0/onecall/overview?lat=1&lon=2",
    ]
    private let fourPaths = [
        "/data/4.0/onecall/current?lat=1&lon=2", "/data/4.0/onecall/timeline/1min?lat=1&lon=2",
        "/data/4.0/onecall/timeline/15min?lat=1&lon=2", "/data/4.0/onecall/timeline/1h?lat=1&lon=2",
        "/data/4.0/onecall/timeline/1day?lat=1&lon=2",
        "/data/4.0/onecall/alert/2.49.0.0.276.0.DE.260331040000.W:Heat:0001?x=1",
    ]

    private func statuses(_ plan: OneCallPlan, _ paths: [String]) -> [(Int, String)] {
        var client = OneCall4Client()
        client.plan = plan
        return paths.map { client.get($0 + "&appid=k") }.map { ($0.status, $0.body) }
    }

    func testEachPlanAnswersTheOtherVersionWithItsOwn401() {
        for (plan, three, four) in [
            (OneCallPlan.both, true, true), (.oneCall3, true, false), (.oneCall4, false, true),
            (.noOneCall, false, false),
        ] {
            for (status, body) in statuses(plan, threePaths) {
                XCTAssertEqual(status, three ? 200 : 401, "\(plan)")
                if !three { XCTAssertEqual(body, threeBody) }
            }
            for (status, body) in statuses(plan, fourPaths) {
                XCTAssertEqual(status, four ? 200 : 401, "\(plan)")
                if !four { XCTAssertEqual(body, fourBody) }
            }
            XCTAssertEqual(statuses(plan, ["/data/2.5/weather?q=Oslo"]).first?.0, 200, "not a One Call path")
        }
    }

    func testAWrongKeyIsStillInvalidAPIKeyAndComesFirst() {
        var client = OneCall4Client()
        client.plan = .oneCall3
        let response = client.get("/data/4.0/onecall/current?lat=1&lon=2&appid=wrong")
        XCTAssertEqual(response.status, 401)
        XCTAssert(response.body.contains("Invalid API key"))
        XCTAssert(client.get("/data/4.0/onecall/current?lat=1&lon=2").body.contains("Invalid API key"))
    }

    func testThePlanIsCheckedBeforeParameters() {
        var client = OneCall4Client()
        client.plan = .oneCall4
        XCTAssertEqual(client.get("/data/3.0/onecall?lat=95&appid=k").status, 401)
        client.plan = .oneCall3
        XCTAssertEqual(client.get("/data/4.0/onecall/timeline/1h?appid=k").status, 401)
    }

    func testTheConfiguredPlanReachesRequestsOverHTTP() async throws {
        try await OpenWeatherStub.withRunning(configuration: .init(oneCallPlan: .oneCall4)) { stub in
            let three = try await stub.call("/data/3.0/onecall?lat=1&lon=2&appid=stub-key")
            XCTAssertEqual(three.status, 401)
            XCTAssertEqual(three.text, threeBody)
            do {
                let reply = try await stub.call("/data/4.0/onecall/current?lat=1&lon=2&appid=stub-key")
                XCTAssertEqual(reply.status, 200)
            }
        }
    }

    func testPlansParseFromTheirCommandLineNames() {
        XCTAssertEqual(["3.0", "4.0", "both", "none"].compactMap(OneCallPlan.init(rawValue:)), OneCallPlan.allCases)
    }
}
