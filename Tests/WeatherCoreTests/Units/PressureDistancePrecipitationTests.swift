import WeatherCore
import XCTest

final class PressureDistancePrecipitationTests: XCTestCase {
    func testPressureAgainstTheStandardAtmosphere() {
        // 1 atm = 1013.25 hPa = 101.325 kPa = 760 mmHg = 29.9213 inHg.
        let atmosphere = Pressure(hectopascals: 1013.25)
        XCTAssertEqual(atmosphere.kilopascals, 101.325, accuracy: 1e-9)
        XCTAssertEqual(atmosphere.millimetersOfMercury, 760, accuracy: 1e-3)
        XCTAssertEqual(atmosphere.inchesOfMercury, 29.9213, accuracy: 1e-4)
        XCTAssertEqual(Pressure(29.92, unit: .inchesOfMercury).hectopascals, 1013.2, accuracy: 0.05)
        for unit in PressureUnit.allCases {
            XCTAssertEqual(Pressure(12.5, unit: unit).value(in: unit), 12.5, accuracy: 1e-12)
        }
    }

    func testPressureFormatting() {
        let pressure = Pressure(hectopascals: 1013.25)
        XCTAssertEqual(pressure.formatted(in: .hectopascals), "1013 hPa")
        XCTAssertEqual(pressure.formatted(in: .kilopascals), "101.3 kPa")
        XCTAssertEqual(pressure.formatted(in: .inchesOfMercury), "29.92 inHg")
        XCTAssertEqual(pressure.formatted(in: .millimetersOfMercury), "760 mmHg")
        XCTAssertEqual(pressure.formatted(in: .hectopascals, fractionDigits: 2), "1013.25 hPa")
    }

    func testDistance() {
        // 1 mi = 1609.344 m exactly.
        XCTAssertEqual(Distance(meters: 10_000).kilometers, 10, accuracy: 1e-12)
        XCTAssertEqual(Distance(meters: 10_000).miles, 6.213_711_9, accuracy: 1e-7)
        XCTAssertEqual(Distance(1, unit: .miles).meters, 1609.344, accuracy: 1e-9)
        XCTAssertEqual(Distance(meters: 10_000).formatted(in: .kilometers, fractionDigits: 0), "10 km")
        XCTAssertEqual(Distance(meters: 10_000).formatted(in: .miles), "6.2 mi")
    }

    func testPrecipitation() {
        // 1 in = 25.4 mm exactly.
        XCTAssertEqual(Precipitation(millimeters: 25.4).inches, 1, accuracy: 1e-12)
        XCTAssertEqual(Precipitation(0.5, unit: .inches).millimeters, 12.7, accuracy: 1e-12)
        XCTAssertEqual(Precipitation(millimeters: 0.254).formatted(in: .millimeters), "0.25 mm")
        XCTAssertEqual(Precipitation(millimeters: 0.254).formatted(in: .inches, fractionDigits: 3), "0.010 in")
    }
}
