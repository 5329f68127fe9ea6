import Foundation
import WeatherCore
import XCTest

final class WeatherEventRuleTests: XCTestCase {
    private func decode(_ json: String) throws -> WeatherEventRule {
        try JSONDecoder().decode(WeatherEventRule.self, from: Data(json.utf8))
    }

    private func encodedObject(_ rule: WeatherEventRule, snakeCase: Bool = false) throws -> NSDictionary {
        let encoder = JSONEncoder()
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        let data = try encoder.encode(rule)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    /// Decodes `json`, expecting `invalidRequest` whose message contains `fragment`.
    private func assertRejected(_ json: String, mentioning fragment: String, line: UInt = #line) {
        XCTAssertThrowsError(try decode(json), line: line) { error in
            guard let error = error as? WeatherError else {
                return XCTFail("not a WeatherError: \(error)", line: line)
            }
            XCTAssertEqual(error.code, .invalidRequest, line: line)
            XCTAssertTrue(error.message.contains(fragment), "\(error.message) lacks \(fragment)", line: line)
        }
    }

    func testTheAPIExamplesDecode() throws {
        XCTAssertEqual(
            try decode(#"{"type": "precipitation", "mm_per_hour": 0.5, "minutes": 60}"#),
            try .precipitation(mmPerHour: 0.5, minutes: 60))
        XCTAssertEqual(
            try decode(#"{"type":"temperature","below":-5,"hours":12}"#), try .temperature(below: -5, hours: 12))
        XCTAssertEqual(
            try decode(#"{"type":"temperature","above":30.5,"hours":1}"#), try .temperature(above: 30.5, hours: 1))
        XCTAssertEqual(try decode(#"{"type":"air_quality","index":4}"#), .airQuality(atLeast: .poor))
        XCTAssertEqual(try decode(#"{"type":"alert"}"#), .alert)
    }

    func testEveryKindRoundTripsThroughJSON() throws {
        let rules: [WeatherEventRule] = [
            .alert, try .precipitation(mmPerHour: 0.25, minutes: 1440), try .temperature(below: -5, hours: 12),
            try .temperature(above: 35, hours: 48), .airQuality(atLeast: .veryPoor),
        ]
        for rule in rules {
            for snakeCase in [false, true] {
                let encoder = JSONEncoder()
                if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
                let decoded = try JSONDecoder().decode(WeatherEventRule.self, from: encoder.encode(rule))
                XCTAssertEqual(decoded, rule, "\(rule), snake_case encoder: \(snakeCase)")
            }
        }
    }

    func testDecodesWithASnakeCaseConvertingDecoderToo() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let json = #"{"type":"precipitation","mm_per_hour":0.5,"minutes":60}"#
        XCTAssertEqual(
            try decoder.decode(WeatherEventRule.self, from: Data(json.utf8)),
            try .precipitation(mmPerHour: 0.5, minutes: 60))
        XCTAssertThrowsError(
            try decoder.decode(WeatherEventRule.self, from: Data(#"{"type":"precipitation","minutes":60}"#.utf8))
        ) { error in
            XCTAssertEqual((error as? WeatherError)?.message.contains("needs mm_per_hour"), true, "\(error)")
        }
    }

    func testEncodesTheAPIFieldNamesWhateverTheKeyStrategy() throws {
        let rain = try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 60)
        for snakeCase in [false, true] {
            let object = try encodedObject(rain, snakeCase: snakeCase)
            XCTAssertEqual(object, ["type": "precipitation", "mm_per_hour": 0.5, "minutes": 60] as NSDictionary)
        }
        XCTAssertEqual(
            try encodedObject(.temperature(below: -5, hours: 12)),
            ["type": "temperature", "below": -5, "hours": 12] as NSDictionary)
        XCTAssertEqual(
            try encodedObject(.airQuality(atLeast: .poor)), ["type": "air_quality", "index": 4] as NSDictionary)
        XCTAssertEqual(try encodedObject(.alert), ["type": "alert"] as NSDictionary)
    }

    func testOutOfRangeValuesAreRejectedNamingTheField() {
        assertRejected(
            #"{"type":"precipitation","mm_per_hour":0,"minutes":60}"#, mentioning: "mm_per_hour 0.0 is out of range")
        assertRejected(#"{"type":"precipitation","mm_per_hour":-1,"minutes":60}"#, mentioning: "above 0")
        assertRejected(#"{"type":"precipitation","mm_per_hour":501,"minutes":60}"#, mentioning: "at most 500")
        assertRejected(
            #"{"type":"precipitation","mm_per_hour":0.5,"minutes":0}"#, mentioning: "minutes 0 is out of range")
        assertRejected(#"{"type":"precipitation","mm_per_hour":0.5,"minutes":1441}"#, mentioning: "from 1 to 1440")
        assertRejected(#"{"type":"temperature","below":-5,"hours":0}"#, mentioning: "hours 0 is out of range")
        assertRejected(#"{"type":"temperature","below":-5,"hours":49}"#, mentioning: "from 1 to 48")
        assertRejected(#"{"type":"temperature","above":120,"hours":3}"#, mentioning: "above 120.0 is out of range")
        assertRejected(#"{"type":"air_quality","index":0}"#, mentioning: "index 0 is out of range")
        assertRejected(#"{"type":"air_quality","index":6}"#, mentioning: "from 1 (good) to 5")
    }

    func testMalformedRulesAreRejectedSayingWhatToSend() {
        assertRejected(#"{"type":"hail"}"#, mentioning: "use alert, precipitation, temperature or air_quality")
        assertRejected(#"{"minutes":60}"#, mentioning: "A rule needs type")
        assertRejected(#"{"type":"precipitation","minutes":60}"#, mentioning: "precipitation rule needs mm_per_hour")
        assertRejected(
            #"{"type":"precipitation","mm_per_hour":"lots","minutes":60}"#, mentioning: "mm_per_hour has the wrong type"
        )
        assertRejected(
            #"{"type":"precipitation","mm_per_hour":1,"minutes":1.5}"#, mentioning: "minutes has the wrong type")
        assertRejected(#"{"type":"temperature","hours":12}"#, mentioning: "exactly one of below or above")
        assertRejected(
            #"{"type":"temperature","below":-5,"above":30,"hours":12}"#, mentioning: "exactly one of below or above")
        assertRejected(#"[1,2]"#, mentioning: "JSON object with a type")
    }

    func testTheCheckedFactoriesThrowInvalidRequest() {
        XCTAssertThrowsError(try WeatherEventRule.precipitation(mmPerHour: .nan, minutes: 10)) { error in
            XCTAssertEqual((error as? WeatherError)?.code, .invalidRequest)
        }
        XCTAssertThrowsError(try WeatherEventRule.temperature(above: .infinity, hours: 10)) { error in
            XCTAssertEqual((error as? WeatherError)?.code, .invalidRequest)
        }
        XCTAssertThrowsError(try WeatherEventRule(.temperature(.below(celsius: 0), hours: -1)))
        XCTAssertNoThrow(try WeatherEventRule.precipitation(mmPerHour: 500, minutes: 1))
    }

    func testBytesThatAreNotJSONAreAnInvalidRequest() {
        XCTAssertThrowsError(try WeatherEventRule(jsonBytes: Array("{type:".utf8))) { error in
            XCTAssertEqual((error as? WeatherError)?.code, .invalidRequest)
        }
        XCTAssertEqual(try WeatherEventRule(jsonBytes: Array(#"{"type":"alert"}"#.utf8)), .alert)
        XCTAssertThrowsError(try WeatherEventRule(jsonBytes: Array(#"{"type":"air_quality","index":9}"#.utf8))) {
            error in
            XCTAssertEqual((error as? WeatherError)?.message.contains("index 9"), true)
        }
    }

    func testTheKeyIsStableText() throws {
        XCTAssertEqual(
            try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 60).key,
            "precipitation mm_per_hour=0.5 minutes=60")
        XCTAssertEqual(try WeatherEventRule.temperature(below: -5, hours: 12).key, "temperature below=-5.0 hours=12")
        XCTAssertEqual(WeatherEventRule.airQuality(atLeast: .moderate).key, "air_quality index=3")
        XCTAssertEqual(WeatherEventRule.alert.kind, .alert)
        XCTAssertEqual(WeatherEventRule.airQuality(atLeast: .moderate).kind, .airQuality)
    }
}
