import WeatherCore
import XCTest

final class DirectionTests: XCTestCase {
    func testSixteenPointsAtTheirCentres() {
        let expected = [
            "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW",
        ]
        for (index, abbreviation) in expected.enumerated() {
            let degrees = Double(index) * 22.5
            XCTAssertEqual(Direction(degrees: degrees).compassPoint.abbreviation, abbreviation, "\(degrees)°")
            XCTAssertEqual(CompassPoint(rawValue: abbreviation)?.degrees, degrees)
        }
    }

    func testSectorEdges() {
        // North is 348.75° up to 11.25°; each sector includes its lower edge.
        XCTAssertEqual(Direction(degrees: 348.75).compassPoint, .n)
        XCTAssertEqual(Direction(degrees: 348.74).compassPoint, .nnw)
        XCTAssertEqual(Direction(degrees: 11.24).compassPoint, .n)
        XCTAssertEqual(Direction(degrees: 11.25).compassPoint, .nne)
        XCTAssertEqual(Direction(degrees: 359.99).compassPoint, .n)
        XCTAssertEqual(Direction(degrees: 360).compassPoint, .n)
        XCTAssertEqual(Direction(degrees: 258.75).compassPoint, .w)
        XCTAssertEqual(Direction(degrees: 258.7).compassPoint, .wsw)
    }

    func testOutOfRangeDegreesWrap() {
        XCTAssertEqual(Direction(degrees: -90).compassPoint, .w)
        XCTAssertEqual(Direction(degrees: 720 + 45).compassPoint, .ne)
        XCTAssertEqual(Direction(degrees: -90).normalized.degrees, 270)
        XCTAssertEqual(Direction(degrees: .nan).compassPoint, .n)
    }

    func testNamesAndFormatting() {
        XCTAssertEqual(CompassPoint.nne.name, "north-northeast")
        XCTAssertEqual(CompassPoint.sw.name, "southwest")
        XCTAssertEqual(CompassPoint.e.name, "east")
        XCTAssertEqual(Direction(degrees: 250).formatted(), "250° WSW")
        XCTAssertEqual(Direction(degrees: 359.6).formatted(), "0° N")
    }
}
