import WeatherCore
import XCTest

final class DurationMillisecondsTests: XCTestCase {
    func testWholeMillisecondsRoundUpSoNothingPositiveBecomesZero() {
        XCTAssertEqual(Duration.zero.roundedUpMilliseconds, 0)
        XCTAssertEqual(Duration.nanoseconds(1).roundedUpMilliseconds, 1)
        XCTAssertEqual(Duration.milliseconds(250).roundedUpMilliseconds, 250)
        XCTAssertEqual(Duration.microseconds(250_001).roundedUpMilliseconds, 251)
        XCTAssertEqual(Duration.seconds(90).roundedUpMilliseconds, 90_000)
        XCTAssertEqual((Duration.seconds(2) + .microseconds(1)).roundedUpMilliseconds, 2001)
    }

    func testNegativeDurationsRoundTowardZero() {
        XCTAssertEqual(Duration.milliseconds(-5).roundedUpMilliseconds, -5)
        XCTAssertEqual(Duration.microseconds(-1500).roundedUpMilliseconds, -1)
    }
}
