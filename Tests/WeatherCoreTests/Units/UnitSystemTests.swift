import WeatherCore
import XCTest

final class UnitSystemTests: XCTestCase {
    func testOpenWeatherMeaning() {
        XCTAssertEqual(UnitSystem.standard.temperature, .kelvin)
        XCTAssertEqual(UnitSystem.standard.speed, .metersPerSecond)
        XCTAssertEqual(UnitSystem.metric.temperature, .celsius)
        XCTAssertEqual(UnitSystem.metric.speed, .metersPerSecond)
        XCTAssertEqual(UnitSystem.imperial.temperature, .fahrenheit)
        XCTAssertEqual(UnitSystem.imperial.speed, .milesPerHour)
        for system in UnitSystem.allCases {
            XCTAssertEqual(system.pressure, .hectopascals)
            XCTAssertEqual(system.distance, .meters)
            XCTAssertEqual(system.precipitation, .millimeters)
        }
    }

    func testParsingTheParameter() {
        XCTAssertEqual(UnitSystem(parameter: "metric"), .metric)
        XCTAssertEqual(UnitSystem(parameter: " Imperial "), .imperial)
        XCTAssertEqual(UnitSystem(parameter: "STANDARD"), .standard)
        XCTAssertNil(UnitSystem(parameter: "kelvin"))
        XCTAssertNil(UnitSystem(parameter: ""))
    }

    func testRenderingOneValueInEachSystem() {
        let temperature = Temperature(kelvin: 294.46)
        let rendered = UnitSystem.allCases.map { temperature.formatted(in: $0.temperature) }
        XCTAssertEqual(rendered, ["294.5 K", "21.3 °C", "70.4 °F"])
    }
}
