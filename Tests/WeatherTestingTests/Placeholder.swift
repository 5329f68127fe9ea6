import XCTest
final class WeatherTestingTestsPlaceholder: XCTestCase { func testBuilds() {} }
