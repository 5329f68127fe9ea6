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

final class UnitSystemRenderingTests: XCTestCase {
    func testValuesInASystem() {
        let wind = Speed(metersPerSecond: 10)
        XCTAssertEqual(wind.value(in: UnitSystem.metric), 10)
        XCTAssertEqual(wind.value(in: UnitSystem.imperial), 22.369_362_9, accuracy: 1e-6)
        XCTAssertEqual(wind.formatted(in: .imperial), "22.4 mph")
        XCTAssertEqual(Temperature(kelvin: 273.15).value(in: UnitSystem.imperial), 32, accuracy: 1e-9)
        XCTAssertEqual(Temperature(kelvin: 273.15).formatted(in: .metric), "0.0 °C")
        XCTAssertEqual(Pressure(hectopascals: 1000).value(in: UnitSystem.imperial), 1000)
        XCTAssertEqual(Distance(meters: 10_000).value(in: UnitSystem.imperial), 10_000)
        XCTAssertEqual(Precipitation(millimeters: 1.5).value(in: UnitSystem.imperial), 1.5)
    }
}
