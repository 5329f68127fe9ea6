import Foundation
import WeatherTesting
import XCTest

final class FixtureDirectoryTests: XCTestCase {
    func testLoadsListsAndReportsMissingFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("current"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\"dt\":1}".utf8).write(to: directory.appendingPathComponent("current/0000.json"))

        let fixtures = FixtureDirectory(directory: directory)
        XCTAssertEqual(try fixtures.string("current/0000.json"), "{\"dt\":1}")
        XCTAssertEqual(try fixtures.bytes("current/0000.json").count, 8)
        XCTAssertEqual(try fixtures.list("current"), ["0000.json"])
        XCTAssertThrowsError(try fixtures.bytes("nope.json")) { error in
            guard case .missing(let path) = error as? FixtureError else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasSuffix("nope.json"))
        }
    }
}
