import WeatherCore
import XCTest

/// Derived quantities against published tables, not against the code's own output.
final class DerivedQuantitiesTests: XCTestCase {
    // MARK: Heat index — the NWS heat index chart (°F; rows: air temperature, columns: RH 40, 45, … 100 %).

    private let heatIndexChart: [Int: [Int]] = [
        110: [136],
        108: [130, 137],
        106: [124, 130, 137],
        104: [119, 124, 131, 137],
        102: [114, 119, 124, 130, 137],
        100: [109, 114, 118, 124, 129, 136],
        98: [105, 109, 113, 117, 123, 128, 134],
        96: [101, 104, 108, 112, 116, 121, 126, 132],
        94: [97, 100, 102, 106, 110, 114, 119, 124, 129, 136],
        92: [94, 96, 99, 101, 105, 108, 112, 116, 121, 126, 131],
        90: [91, 93, 95, 97, 100, 103, 106, 109, 113, 117, 122, 127, 132],
        88: [88, 89, 91, 93, 95, 98, 100, 103, 106, 110, 113, 117, 121],
        86: [85, 87, 88, 89, 91, 93, 95, 97, 100, 102, 105, 108, 112],
        84: [83, 84, 85, 86, 88, 89, 90, 92, 94, 96, 98, 100, 103],
        82: [81, 82, 83, 84, 84, 85, 86, 88, 89, 90, 91, 93, 95],
        80: [80, 80, 81, 81, 82, 82, 83, 84, 84, 85, 86, 86, 87],
    ]

    func testHeatIndexExamplesFromTheChart() {
        XCTAssertEqual(heatIndex(90, 60), 100, accuracy: 0.5)
        XCTAssertEqual(heatIndex(100, 50), 118, accuracy: 0.5)
        XCTAssertEqual(heatIndex(80, 40), 80, accuracy: 0.5, "simple formula region")
        XCTAssertEqual(heatIndex(96, 65), 121, accuracy: 0.5)
    }

    func testHeatIndexReproducesTheWholeChart() {
        var cells = 0
        for (temperature, row) in heatIndexChart {
            for (column, published) in row.enumerated() {
                let humidity = 40 + 5 * column
                // The chart predates the high-humidity adjustment of the NWS algorithm; where it applies
                // (RH > 85 %, 80–87 °F) the published value plus that adjustment is the reference.
                var expected = Double(published)
                if humidity > 85 && temperature <= 87 {
                    expected += Double(humidity - 85) / 10 * Double(87 - temperature) / 5
                }
                // The regression's stated error against Steadman's table is ±1.3 °F; the chart is rounded.
                XCTAssertEqual(
                    heatIndex(Double(temperature), Double(humidity)), expected, accuracy: 1.3 + 0.5,
                    "\(temperature) °F, \(humidity) %")
                cells += 1
            }
        }
        XCTAssertEqual(cells, 135)
    }

    func testHeatIndexBelowEightyIsTheSimpleFormula() {
        // NWS: HI = 0.5 × (T + 61 + (T − 68) × 1.2 + RH × 0.094); at 70 °F, 50 %: 0.5 × (70 + 61 + 2.4 + 4.7).
        XCTAssertEqual(heatIndex(70, 50), 69.05, accuracy: 1e-9)
    }

    func testHeatIndexLowHumidityAdjustmentLowersTheValue() {
        // NWS: below 13 % between 80 and 112 °F subtract ((13 − RH)/4)·√((17 − |T − 95|)/17):
        // at 95 °F and 5 % that is exactly 2 °F below the regression (hand-worked: 90.18 − 2 = 88.18).
        XCTAssertEqual(heatIndex(95, 5), 88.18, accuracy: 0.01)
        XCTAssertLessThan(heatIndex(95, 12), heatIndex(95, 13) + 0.01)
    }

    func testHeatIndexTakesAnyUnit() {
        let index = Temperature(celsius: 32.2222).heatIndex(relativeHumidity: 60)
        XCTAssertEqual(index.fahrenheit, 100, accuracy: 0.5)
    }

    private func heatIndex(_ fahrenheit: Double, _ humidity: Double) -> Double {
        Temperature(fahrenheit: fahrenheit).heatIndex(relativeHumidity: humidity).fahrenheit
    }

    // MARK: Wind chill — the NWS wind chill chart (2001), °F by wind in mph.

    private let windChillTemperatures: [Double] = [
        40, 35, 30, 25, 20, 15, 10, 5, 0, -5, -10, -15, -20, -25, -30, -35, -40, -45,
    ]
    private let windChillChart: [Double: [Int]] = [
        5: [36, 31, 25, 19, 13, 7, 1, -5, -11, -16, -22, -28, -34, -40, -46, -52, -57, -63],
        10: [34, 27, 21, 15, 9, 3, -4, -10, -16, -22, -28, -35, -41, -47, -53, -59, -66, -72],
        15: [32, 25, 19, 13, 6, 0, -7, -13, -19, -26, -32, -39, -45, -51, -58, -64, -71, -77],
        20: [30, 24, 17, 11, 4, -2, -9, -15, -22, -29, -35, -42, -48, -55, -61, -68, -74, -81],
        30: [28, 22, 15, 8, 1, -5, -12, -19, -26, -33, -39, -46, -53, -60, -67, -73, -80, -87],
        40: [27, 20, 13, 6, -1, -8, -15, -22, -29, -36, -43, -50, -57, -64, -71, -78, -84, -91],
        60: [25, 17, 10, 3, -4, -11, -19, -26, -33, -40, -48, -55, -62, -69, -76, -84, -91, -98],
    ]

    func testWindChillReproducesTheChart() {
        for (wind, row) in windChillChart {
            for (temperature, published) in zip(windChillTemperatures, row) {
                let chill = Temperature(fahrenheit: temperature).windChill(windSpeed: Speed(wind, unit: .milesPerHour))
                XCTAssertEqual(
                    chill.map { $0.fahrenheit.rounded() }, Double(published), "\(temperature) °F, \(wind) mph")
            }
        }
        let example = Temperature(fahrenheit: 0).windChill(windSpeed: Speed(15, unit: .milesPerHour))
        XCTAssertEqual(example?.fahrenheit.rounded(), -19)
    }

    func testWindChillIsUndefinedOutsideItsRange() {
        let windy = Speed(20, unit: .milesPerHour)
        XCTAssertNil(Temperature(fahrenheit: 50.1).windChill(windSpeed: windy))
        XCTAssertNotNil(Temperature(fahrenheit: 50).windChill(windSpeed: windy))
        XCTAssertNil(Temperature(fahrenheit: 20).windChill(windSpeed: Speed(3, unit: .milesPerHour)))
        XCTAssertNotNil(Temperature(fahrenheit: 20).windChill(windSpeed: Speed(3.1, unit: .milesPerHour)))
        XCTAssertNil(Temperature(celsius: 25).windChill(windSpeed: windy))
    }

    // MARK: Dew point — Magnus (a = 17.625, b = 243.04 °C) against psychrometric table values.

    func testDewPointAgainstPsychrometricValues() {
        // Reference dew points from saturation vapour pressure tables (WMO/Buck), °C.
        let cases: [(temperature: Double, humidity: Double, dewPoint: Double)] = [
            (20, 50, 9.3), (25, 60, 16.7), (30, 80, 26.2), (0, 50, -9.2), (10, 100, 10.0), (35, 30, 14.8),
        ]
        for row in cases {
            let dewPoint = Temperature(celsius: row.temperature).dewPoint(relativeHumidity: row.humidity)
            XCTAssertEqual(dewPoint?.celsius ?? .nan, row.dewPoint, accuracy: 0.35, "\(row)")
        }
    }

    func testDewPointEdgeCases() {
        XCTAssertNil(Temperature(celsius: 20).dewPoint(relativeHumidity: 0))
        XCTAssertNil(Temperature(celsius: 20).dewPoint(relativeHumidity: .nan))
        let saturated = Temperature(celsius: 20).dewPoint(relativeHumidity: 104)
        XCTAssertEqual(saturated?.celsius ?? .nan, 20, accuracy: 1e-9)
        XCTAssertEqual(Temperature.magnusCoefficients.a, 17.625)
        XCTAssertEqual(Temperature.magnusCoefficients.b, 243.04)
    }

    // MARK: Air quality index — OpenWeather's 1–5 scale and names.

    func testAirQualityIndexNames() {
        XCTAssertEqual(AirQualityIndex.allCases.map(\.name), ["Good", "Fair", "Moderate", "Poor", "Very Poor"])
        XCTAssertEqual(AirQualityIndex.allCases.map(\.index), [1, 2, 3, 4, 5])
        XCTAssertEqual(AirQualityIndex(index: 3), .moderate)
        XCTAssertNil(AirQualityIndex(index: 0))
        XCTAssertNil(AirQualityIndex(index: 6))
        XCTAssertLessThan(AirQualityIndex.good, .veryPoor)
    }
}

/// OpenWeather's air quality scale (Air Pollution API documentation), edge by edge.
final class AirPollutantScaleTests: XCTestCase {
    func testEveryBandEdgeOfThePublishedScale() {
        let scale: [AirPollutant: [Double]] = [
            .sulphurDioxide: [20, 80, 250, 350], .nitrogenDioxide: [40, 70, 150, 200], .pm10: [20, 50, 100, 200],
            .pm2_5: [10, 25, 50, 75], .ozone: [60, 100, 140, 180], .carbonMonoxide: [4400, 9400, 12400, 15400],
        ]
        for (pollutant, edges) in scale {
            XCTAssertEqual(pollutant.index(for: 0), .good, "\(pollutant)")
            for (band, edge) in edges.enumerated() {
                XCTAssertEqual(pollutant.index(for: edge).index, band + 2, "\(pollutant) at \(edge)")
                XCTAssertEqual(pollutant.index(for: edge - 0.01).index, band + 1, "\(pollutant) below \(edge)")
            }
        }
    }

    func testTheWorstPollutantSetsTheIndex() {
        XCTAssertEqual(AirQualityIndex(concentrations: [.pm2_5: 7.04, .ozone: 48.69, .carbonMonoxide: 259.78]), .good)
        XCTAssertEqual(AirQualityIndex(concentrations: [.pm2_5: 24.33, .nitrogenDioxide: 57.03, .ozone: 0]), .fair)
        XCTAssertEqual(AirQualityIndex(concentrations: [.pm2_5: 5, .ozone: 185]), .veryPoor)
        XCTAssertNil(AirQualityIndex(concentrations: [:]))
        XCTAssertEqual(AirPollutant.pm2_5.index(for: -1), .good)
        XCTAssertEqual(AirPollutant.pm2_5.index(for: .nan), .good)
    }
}
