import XCTest
final class WeatherHTTPTestsPlaceholder: XCTestCase { func testBuilds() {} }
