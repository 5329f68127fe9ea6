import XCTest

@testable import weather_tracker

final class NegativeCoordinatesTests: XCTestCase {
    func testRecognisesOnlyNegativeLatLon() {
        XCTAssertTrue(NegativeCoordinates.isNegativeCoordinate("-33.87,151.21"))
        XCTAssertTrue(NegativeCoordinates.isNegativeCoordinate("-1,-2.5"))
        XCTAssertFalse(NegativeCoordinates.isNegativeCoordinate("33.87,151.21"))
        XCTAssertFalse(NegativeCoordinates.isNegativeCoordinate("--demo"))
        XCTAssertFalse(NegativeCoordinates.isNegativeCoordinate("-v"))
        XCTAssertFalse(NegativeCoordinates.isNegativeCoordinate("-1,2,3"))
    }

    func testMovesAPositionalPlaceBehindDoubleDash() {
        XCTAssertEqual(
            NegativeCoordinates.rewrite(["current", "-33.87,151.21", "--demo", "-v"]),
            ["current", "--demo", "-v", "--", "-33.87,151.21"])
    }

    func testJoinsTheReverseOptionWithItsValue() {
        XCTAssertEqual(
            NegativeCoordinates.rewrite(["geocode", "--reverse", "-33.87,151.21", "--demo"]),
            ["geocode", "--reverse=-33.87,151.21", "--demo"])
    }

    func testLeavesEverythingElseAlone() {
        let plain = ["current", "Zürich", "--units", "imperial", "--demo"]
        XCTAssertEqual(NegativeCoordinates.rewrite(plain), plain)
        let explicit = ["current", "--demo", "--", "-33.87,151.21"]
        XCTAssertEqual(NegativeCoordinates.rewrite(explicit), explicit)
    }

    func testTheBinaryAcceptsSouthernCoordinates() async throws {
        let run = try await CLIProcess.run(["current", "-33.87,151.21", "--demo", "--json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("-33.87"), run.stdout)
    }
}
