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

    func testAllReadsTheFilesOfOneExtensionAndRefusesAnEmptyFolder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("errors"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{}".utf8).write(to: directory.appendingPathComponent("errors/b.json"))
        try Data("[]".utf8).write(to: directory.appendingPathComponent("errors/a.json"))
        try Data("<html>".utf8).write(to: directory.appendingPathComponent("errors/c.html"))

        let fixtures = FixtureDirectory(directory: directory)
        let all = try fixtures.all(in: "errors")
        XCTAssertEqual(all.map(\.path), ["errors/a.json", "errors/b.json"])
        XCTAssertEqual(all.map(\.name), ["a.json", "b.json"])
        XCTAssertEqual(all.map(\.string), ["[]", "{}"])
        XCTAssertEqual(try fixtures.all(in: "errors", withExtension: "html").map(\.bytes), [Array("<html>".utf8)])
        XCTAssertThrowsError(try fixtures.all(in: "errors", withExtension: "xml")) { error in
            guard case .missing(let path) = error as? FixtureError else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasSuffix("errors/*.xml"), path)
        }
    }

    func testABundleWithoutTheFolderIsAMissingFixture() {
        XCTAssertThrowsError(try FixtureDirectory(bundle: Bundle.main, folder: "NoSuchFixtures")) { error in
            guard case .missing(let path) = error as? FixtureError else { return XCTFail("\(error)") }
            XCTAssertTrue(path.hasSuffix("NoSuchFixtures"), path)
        }
    }
}
