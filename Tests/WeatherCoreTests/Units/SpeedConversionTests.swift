import WeatherCore
import XCTest

final class SpeedConversionTests: XCTestCase {
    func testDefinitions() {
        // 1 mph = 0.44704 m/s, 1 kn = 1852/3600 m/s, 1 km/h = 1/3.6 m/s (exact by definition).
        XCTAssertEqual(Speed(1, unit: .milesPerHour).metersPerSecond, 0.44704, accuracy: 1e-12)
        XCTAssertEqual(Speed(1, unit: .knots).metersPerSecond, 0.514_444_444, accuracy: 1e-9)
        XCTAssertEqual(Speed(36, unit: .kilometersPerHour).metersPerSecond, 10, accuracy: 1e-12)
        let ten = Speed(metersPerSecond: 10)
        XCTAssertEqual(ten.kilometersPerHour, 36, accuracy: 1e-9)
        XCTAssertEqual(ten.milesPerHour, 22.369_362_9, accuracy: 1e-6)
        XCTAssertEqual(ten.knots, 19.438_444_9, accuracy: 1e-6)
    }

    func testRoundTrip() {
        for unit in SpeedUnit.allCases {
            XCTAssertEqual(Speed(12.3, unit: unit).value(in: unit), 12.3, accuracy: 1e-12, "\(unit)")
        }
    }

    func testFormatting() {
        XCTAssertEqual(Speed(metersPerSecond: 5.24).formatted(in: .metersPerSecond), "5.2 m/s")
        XCTAssertEqual(Speed(metersPerSecond: 10).formatted(in: .kilometersPerHour, fractionDigits: 0), "36 km/h")
        XCTAssertEqual(Speed(metersPerSecond: 10).formatted(in: .milesPerHour), "22.4 mph")
        XCTAssertEqual(Speed(metersPerSecond: 10).formatted(in: .knots), "19.4 kn")
    }
}
