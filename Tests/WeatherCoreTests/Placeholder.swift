import XCTest
final class WeatherCoreTestsPlaceholder: XCTestCase { func testBuilds() {} }
