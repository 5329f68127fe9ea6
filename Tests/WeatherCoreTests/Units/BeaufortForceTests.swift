import WeatherCore
import XCTest

/// Against the WMO Beaufort table (m/s at 10 m, one decimal; also the UK Met Office's table).
final class BeaufortForceTests: XCTestCase {
    /// force, lowest and highest speed of its published range in m/s, and its WMO descriptive term.
    private let table: [(force: Int, low: Double, high: Double, name: String)] = [
        (0, 0.0, 0.2, "Calm"),
        (1, 0.3, 1.5, "Light air"),
        (2, 1.6, 3.3, "Light breeze"),
        (3, 3.4, 5.4, "Gentle breeze"),
        (4, 5.5, 7.9, "Moderate breeze"),
        (5, 8.0, 10.7, "Fresh breeze"),
        (6, 10.8, 13.8, "Strong breeze"),
        (7, 13.9, 17.1, "Near gale"),
        (8, 17.2, 20.7, "Gale"),
        (9, 20.8, 24.4, "Strong gale"),
        (10, 24.5, 28.4, "Storm"),
        (11, 28.5, 32.6, "Violent storm"),
        (12, 32.7, 60.0, "Hurricane force"),
    ]

    func testEveryPublishedRangeEdge() {
        for row in table {
            for speed in [row.low, row.high] {
                let force = Speed(metersPerSecond: speed).beaufort
                XCTAssertEqual(force.number, row.force, "\(speed) m/s")
                XCTAssertEqual(force.name, row.name)
            }
        }
        XCTAssertEqual(BeaufortForce.allCases.count, 13)
    }

    func testKnotRangesOfTheTable() {
        // The same table in knots: 1–3 force 1, 28–33 force 7, 34–40 force 8, 64 and above force 12.
        let knots: [(Double, Int)] = [(1, 1), (3, 1), (4, 2), (10, 3), (11, 4), (33, 7), (34, 8), (63, 11), (64, 12)]
        for (value, force) in knots {
            XCTAssertEqual(Speed(value, unit: .knots).beaufort.number, force, "\(value) kn")
        }
    }

    func testBetweenPublishedDecimalsAndOutOfRange() {
        XCTAssertEqual(Speed(metersPerSecond: 1.55).beaufort, .lightAir)
        XCTAssertEqual(Speed(metersPerSecond: -3).beaufort, .calm)
        XCTAssertEqual(Speed(metersPerSecond: .nan).beaufort, .calm)
        XCTAssertEqual(Speed(metersPerSecond: 100).beaufort, .hurricaneForce)
    }

    func testLowerLimitsAndOrder() {
        XCTAssertEqual(BeaufortForce.calm.lowerLimit, Speed(metersPerSecond: 0))
        XCTAssertEqual(BeaufortForce.gale.lowerLimit, Speed(metersPerSecond: 17.2))
        XCTAssertLessThan(BeaufortForce.storm, BeaufortForce.violentStorm)
    }
}
