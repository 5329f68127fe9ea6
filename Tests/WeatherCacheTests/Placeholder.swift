import XCTest
final class WeatherCacheTestsPlaceholder: XCTestCase { func testBuilds() {} }
