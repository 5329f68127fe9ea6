import XCTest
final class OpenWeatherStubTestsPlaceholder: XCTestCase { func testBuilds() {} }
