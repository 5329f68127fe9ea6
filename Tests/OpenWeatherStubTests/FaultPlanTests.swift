import XCTest

@testable import OpenWeatherStub

final class FaultPlanTests: XCTestCase {
    func testPrefixRuleAppliesOnlyToMatchingPaths() {
        var rules = [FaultRule(.status(503), pathPrefix: "/data/2.5/forecast")]
        XCTAssertNil(FaultPlan.consume(&rules, path: "/data/2.5/weather").fault)
        XCTAssertEqual(FaultPlan.consume(&rules, path: "/data/2.5/forecast").fault, .status(503))
        XCTAssertEqual(rules.count, 1)
    }

    func testCountedRuleExpires() {
        var rules = [FaultRule(.htmlErrorPage, times: 2)]
        XCTAssertEqual(FaultPlan.consume(&rules, path: "/a").fault, .htmlErrorPage)
        XCTAssertEqual(FaultPlan.consume(&rules, path: "/a").fault, .htmlErrorPage)
        XCTAssertNil(FaultPlan.consume(&rules, path: "/a").fault)
        XCTAssert(rules.isEmpty)
    }

    func testLatencyAddsUpAndCombinesWithOneFault() {
        var rules = [
            FaultRule(.latency(.milliseconds(20))), FaultRule(.latency(.milliseconds(30))),
            FaultRule(.malformedJSON), FaultRule(.status(500)),
        ]
        let plan = FaultPlan.consume(&rules, path: "/x")
        XCTAssertEqual(plan.latency, .milliseconds(50))
        XCTAssertEqual(plan.fault, .malformedJSON)
    }

    func testJSONWriterFormatsLikeOpenWeather() {
        XCTAssertEqual(JSONWriter.format(20, places: 2), "20")
        XCTAssertEqual(JSONWriter.format(-0.125, places: 2), "-0.13")
        XCTAssertEqual(JSONWriter.format(1.5, places: 2), "1.5")
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("a", "x\"y")
        writer.beginArray("b")
        writer.value(1)
        writer.value(2)
        writer.endArray()
        writer.endObject()
        XCTAssertEqual(writer.text, #"{"a":"x\"y","b":[1,2]}"#)
    }
}
