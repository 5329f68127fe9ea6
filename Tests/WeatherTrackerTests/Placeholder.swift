import XCTest
final class WeatherTrackerTestsPlaceholder: XCTestCase { func testBuilds() {} }
