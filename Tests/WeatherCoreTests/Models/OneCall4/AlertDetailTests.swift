import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

final class AlertDetailTests: XCTestCase {
    private let fixtures = { try! FixtureDirectory(bundle: .module) }()

    func testDocumentedShape() throws {
        let alert = try WeatherAlert(jsonBytes: fixtures.bytes("onecall4-alert/spec-example-a.json"))
        XCTAssertEqual(alert.id, "8B46C632-DCA7-44D7-8BDF-02445621BAFF")
        XCTAssertEqual(alert.event, "Heat Advisory")
        XCTAssertEqual(alert.senderName, "NWS Tulsa (Eastern Oklahoma)")
        XCTAssertEqual(alert.start, Date(timeIntervalSince1970: 1_597_341_600))
        XCTAssertEqual(alert.end, Date(timeIntervalSince1970: 1_597_366_800))
        XCTAssertTrue(alert.description.hasPrefix("...HEAT ADVISORY"))
        XCTAssertTrue(alert.description.contains("\n* WHAT"))
        XCTAssertNil(alert.descriptions)
        XCTAssertEqual(alert.tags, [])
        XCTAssertEqual(alert.description(preferring: "de"), alert.description)
    }

    func testLiveShapeWithTranslationsEmptyEventAndTags() throws {
        let alert = try WeatherAlert(jsonBytes: fixtures.bytes("onecall4-alert/spec-example-b.json"))
        XCTAssertEqual(alert.id, "2.49.0.0.380.3.IT.260903120000.W:Heat:0001")
        XCTAssertEqual(alert.event, "Extreme high temperature", "an empty event falls back to tags[0]")
        XCTAssertEqual(alert.tags, ["Extreme high temperature"])
        XCTAssertEqual(
            alert.descriptions,
            [
                LocalizedText(language: "en-GB", text: "Moderate intensity expected"),
                LocalizedText(language: "it-IT", text: "Fenomeni di intensita moderata"),
            ])
        XCTAssertEqual(alert.description, "Moderate intensity expected")
        XCTAssertEqual(alert.description(preferring: "it"), "Fenomeni di intensita moderata")
        XCTAssertEqual(alert.description(preferring: "it-IT"), "Fenomeni di intensita moderata")
        XCTAssertEqual(alert.description(preferring: "fr"), "Moderate intensity expected", "English fallback")
        XCTAssertEqual(alert.description(preferring: nil), "Moderate intensity expected")
    }

    func testWrappedMissingIDNoTagsAndNoEnglish() throws {
        let json = #"""
            {"data":[{"sender_name":"AEMET","event":"","start":1,"end":2,
              "description":[{"language":"es-ES","description":"Calor"},{"language":"ca","description":"Calor (ca)"}]},
             {"ignored":true}]}
            """#
        let alert = try WeatherAlert(jsonBytes: Array(json.utf8))
        XCTAssertNil(alert.id)
        XCTAssertEqual(alert.event, "", "no tags to fall back to")
        XCTAssertEqual(alert.description, "Calor", "no English: the first")
        XCTAssertEqual(alert.description(preferring: "ca"), "Calor (ca)")
    }

    func testEveryFixtureDecodes() throws {
        for fixture in try fixtures.all(in: "onecall4-alert") {
            let alert = try WeatherAlert(jsonBytes: fixture.bytes)
            XCTAssertLessThan(alert.start, alert.end, fixture.path)
            XCTAssertFalse(alert.description.isEmpty, fixture.path)
        }
    }

    func testCorruptionsNameTheJSONPath() {
        assertDecodingFails(#"{"sender_name":"x","start":1}"#, as: AlertDocument.self, path: "end")
        assertDecodingFails(#"{"data":[]}"#, as: AlertDocument.self, path: "data")
        assertDecodingFails(#"{"data":[{"start":1,"end":"x"}]}"#, as: AlertDocument.self, path: "data[0].end")
        assertDecodingFails(
            #"{"start":1,"end":2,"description":[{"language":"en","description":5}]}"#, as: AlertDocument.self,
            path: "description[0].description")
        assertDecodingFails(#"{"start":1,"end":2,"tags":"Wind"}"#, as: AlertDocument.self, path: "tags")
    }

    func testFreshUntilItsEndBoundedToADay() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        var alert = WeatherAlert(
            senderName: "", event: "", start: now, end: now.addingTimeInterval(3600), description: "", tags: [])
        XCTAssertEqual(alert.freshness(now: now), .seconds(3600))
        alert.end = now.addingTimeInterval(5 * 86400)
        XCTAssertEqual(alert.freshness(now: now), .seconds(86400))
        alert.end = now.addingTimeInterval(-1)
        XCTAssertNil(alert.freshness(now: now))
    }
}
