import Foundation
import WeatherTesting
import XCTest

/// The variation machinery itself: every rewritten fixture is valid JSON with the same meaning
/// (for the edits that keep the meaning), so a difference found by the differential test is the
/// decoder's, not the generator's.
final class JSONTextWriterTests: XCTestCase {
    private let folders = ["current", "forecast", "onecall", "air", "geo"]

    func testRewritingKeepsTheMeaningOfEveryFixture() throws {
        for folder in folders {
            for fixture in try FixtureDirectory(bundle: .module).all(in: folder) {
                let original = try JSONValue.parse(fixture.bytes)
                for variation in Variation.standardSet()
                where variation.removeProbability == 0 && variation.unknownProbability == 0 {
                    let rewritten = variation.apply(to: original, optionalPaths: [])
                    XCTAssertEqual(
                        try JSONValue.parse(rewritten), original, "\(fixture.path), \(variation)")
                }
            }
        }
    }

    func testVariationsAreDeterministic() throws {
        let fixture = try XCTUnwrap(FixtureDirectory(bundle: .module).all(in: "onecall").first)
        let document = try JSONValue.parse(fixture.bytes)
        for variation in Variation.standardSet(seeds: 7...7) {
            let paths: [JSONVariations.Path] = [["daily", "*", "rain"], ["alerts"]]
            XCTAssertEqual(
                variation.apply(to: document, optionalPaths: paths),
                variation.apply(to: document, optionalPaths: paths),
                "\(variation)")
        }
    }

    func testEscapesAndWhitespaceAreWritten() throws {
        var writer = JSONTextWriter(seed: 3)
        writer.escapeProbability = 1
        writer.escapeKeys = true
        let text = String(decoding: writer.write(.object([JSONMember("té", .string("a😀\n"))])), as: UTF8.self)
        XCTAssertEqual(text.lowercased(), #"{"\u0074\u00e9":"\u0061\ud83d\ude00\n"}"#)
        XCTAssertEqual(try JSONValue.parse(Array(text.utf8)), .object([JSONMember("té", .string("a😀\n"))]))
    }

    func testRemovalFollowsWildcardPaths() {
        var random = SeededGenerator(seed: 1)
        let document = JSONValue.object([
            JSONMember(
                "list",
                .array([
                    .object([JSONMember("rain", .integer(1)), JSONMember("dt", .integer(2))]),
                    .object([JSONMember("rain", .null)]),
                ]))
        ])
        let removed = JSONVariations.removing([["list", "*", "rain"]], from: document, probability: 1, random: &random)
        XCTAssertEqual(
            removed, .object([JSONMember("list", .array([.object([JSONMember("dt", .integer(2))]), .object([])]))]))
    }
}
