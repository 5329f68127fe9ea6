import WeatherCore
import XCTest

final class TemperatureConversionTests: XCTestCase {
    func testFixedPointsOfTheScales() {
        // Definitions: 0 °C = 273.15 K = 32 °F; 100 °C = 212 °F; −40 °C = −40 °F; 0 K = −459.67 °F.
        XCTAssertEqual(Temperature(kelvin: 273.15).celsius, 0, accuracy: 1e-9)
        XCTAssertEqual(Temperature(kelvin: 273.15).fahrenheit, 32, accuracy: 1e-9)
        XCTAssertEqual(Temperature(celsius: 100).fahrenheit, 212, accuracy: 1e-9)
        XCTAssertEqual(Temperature(celsius: -40).fahrenheit, -40, accuracy: 1e-9)
        XCTAssertEqual(Temperature(kelvin: 0).fahrenheit, -459.67, accuracy: 1e-9)
        XCTAssertEqual(Temperature(fahrenheit: 68).celsius, 20, accuracy: 1e-9)
        XCTAssertEqual(Temperature(fahrenheit: 98.6).kelvin, 310.15, accuracy: 1e-9)
    }

    func testRoundTripThroughEveryUnit() {
        for unit in TemperatureUnit.allCases {
            for value in [-60.0, -0.5, 0, 21.3, 49.999] {
                XCTAssertEqual(Temperature(value, unit: unit).value(in: unit), value, accuracy: 1e-9, "\(unit)")
            }
        }
    }

    func testFormatting() {
        let temperature = Temperature(kelvin: 294.45)
        XCTAssertEqual(temperature.formatted(in: .celsius), "21.3 °C")
        XCTAssertEqual(temperature.formatted(in: .fahrenheit), "70.3 °F")
        XCTAssertEqual(temperature.formatted(in: .kelvin, fractionDigits: 2), "294.45 K")
        XCTAssertEqual(Temperature(celsius: -0.04).formatted(in: .celsius), "0.0 °C", "no negative zero")
        XCTAssertEqual(Temperature(celsius: -3.25).formatted(in: .celsius), "-3.3 °C", "half away from zero")
        XCTAssertEqual(Temperature(celsius: 21.96).formatted(in: .celsius, fractionDigits: 0), "22 °C")
    }

    func testOrdering() {
        XCTAssertLessThan(Temperature(celsius: -1), Temperature(fahrenheit: 31))
    }
}
