import Foundation
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The chart renderer on its own: well-formed SVG whose points sit where the values say.
final class ForecastChartTests: XCTestCase {
    /// 2026-12-01 00:00 UTC.
    let start = Date(timeIntervalSince1970: 1_796_083_200)

    func steps(count: Int = 16) -> [ForecastChartStep] {
        var steps: [ForecastChartStep] = []
        for index in 0..<count {
            let time = start.addingTimeInterval(Double(index) * 10_800)
            let temperature = -2.0 + Double(index % 7) * 1.5
            let chance = Double(index % 5) / 4
            let amount = index % 3 == 0 ? Double(index) / 4 : 0
            let wind = Double(index % 4) * 2.5
            steps.append(
                ForecastChartStep(
                    time: time, temperature: temperature, precipitationProbability: chance, precipitation: amount,
                    windSpeed: wind, windFromDegrees: Double(index * 30)))
        }
        return steps
    }

    func chart(_ steps: [ForecastChartStep], offset: Int = 3600, title: String = "5-day forecast for Testville")
        -> ForecastChart
    {
        ForecastChart(
            steps: steps, clock: PlaceClock(utcOffsetSeconds: offset), temperatureSymbol: "°C", speedSymbol: "m/s",
            title: title)
    }

    func testTemperaturePointsMatchValuesAndScale() throws {
        let steps = steps()
        let chart = chart(steps)
        let svg = try SVGDocument(parsing: chart.render().markup)
        let points = svg.elements(withClass: "temp-point")
        XCTAssertEqual(points.count, steps.count)
        let scale = chart.temperatureScale
        for (point, step) in zip(points, steps) {
            XCTAssertEqual(point.attributes["data-value"], NumberText.format(step.temperature, digits: 1))
            XCTAssertEqual(
                Double(point.attributes["cy"] ?? "") ?? .nan, scale.position(of: step.temperature), accuracy: 0.01)
            XCTAssertEqual(Double(point.attributes["cx"] ?? "") ?? .nan, chart.x(step.time), accuracy: 0.01)
        }
        // Warmer is higher (smaller y), and the line goes through the points.
        let ys = points.compactMap { Double($0.attributes["cy"] ?? "") }
        XCTAssertLessThan(ys[6], ys[0])
        let line = try XCTUnwrap(svg.elements(withClass: "temp-line").first?.attributes["points"])
        let linePoints = line.split(separator: " ").map(String.init)
        XCTAssertEqual(linePoints, points.map { "\($0.attributes["cx"]!),\($0.attributes["cy"]!)" })
        // The axis spans the values and ends on ticks.
        XCTAssertLessThanOrEqual(scale.domain.lowerBound, -2)
        XCTAssertGreaterThanOrEqual(scale.domain.upperBound, 7)
    }

    func testBarsCarryProbabilityAndAmount() throws {
        let steps = steps()
        let chart = chart(steps)
        let svg = try SVGDocument(parsing: chart.render().markup)
        let chance = svg.elements(withClass: "pop-bar")
        XCTAssertEqual(
            chance.map { $0.attributes["data-value"] },
            steps.map { NumberText.format($0.precipitationProbability * 100) })
        for (bar, step) in zip(chance, steps) {
            let height = Double(bar.attributes["height"] ?? "") ?? .nan
            let panel = ForecastChart.temperaturePanel.bottom - ForecastChart.temperaturePanel.top
            XCTAssertEqual(height, step.precipitationProbability * panel, accuracy: 0.02)
        }
        let wet = steps.filter { $0.precipitation > 0 }
        let amounts = svg.elements(withClass: "precip-bar")
        XCTAssertEqual(amounts.count, wet.count)
        XCTAssertEqual(
            amounts.map { $0.attributes["data-value"] }, wet.map { NumberText.format($0.precipitation, digits: 2) })
        let winds = svg.elements(withClass: "wind-point")
        XCTAssertEqual(
            winds.map { $0.attributes["data-value"] }, steps.map { NumberText.format($0.windSpeed, digits: 1) })
        XCTAssertEqual(svg.elements(withClass: "wind-dir").count, (steps.count + 1) / 2)
    }

    func testDaySeparatorsSitAtLocalMidnight() throws {
        // 16 steps from 00:00 UTC (01:00 at UTC+1) to 45:00; with half a step of room either side the
        // axis runs from 23:30 local on Nov 30 to 23:30 on Dec 2: two local midnights.
        let chart = chart(steps(), offset: 3600)
        let svg = try SVGDocument(parsing: chart.render().markup)
        let separators = svg.elements(withClass: "day-separator")
        XCTAssertEqual(
            separators.map { $0.attributes["data-time"] }, ["2026-12-01T00:00+01:00", "2026-12-02T00:00+01:00"])
        let midnight = Date(timeIntervalSince1970: 1_796_083_200 + 86_400 - 3600)
        XCTAssertEqual(Double(separators[1].attributes["x1"] ?? "") ?? .nan, chart.x(midnight), accuracy: 0.01)
        let days = svg.elements(withClass: "day-label").map(\.text)
        XCTAssertEqual(days, ["Tue 1", "Wed 2"])
        // Units on the axes.
        let titles = svg.elements(withClass: "panel-title").map(\.text)
        XCTAssertEqual(titles, ["Temperature (°C)", "Chance of precipitation (%)", "Precipitation (mm)", "Wind (m/s)"])
    }

    func testTitleIsEscapedAndAccessible() throws {
        let markup = chart(steps(count: 3), title: "5-day forecast for <script>alert(\"x\")</script> & co").render()
            .markup
        XCTAssertFalse(markup.contains("<script>"))
        let svg = try SVGDocument(parsing: markup)
        let root = try XCTUnwrap(svg.elements.first)
        XCTAssertEqual(root.attributes["role"], "img")
        XCTAssertEqual(root.attributes["aria-labelledby"], "forecast-chart-title forecast-chart-desc")
        XCTAssertEqual(
            svg.elements.first { $0.name == "title" }?.text, "5-day forecast for <script>alert(\"x\")</script> & co")
        XCTAssertTrue(svg.elements.first { $0.name == "desc" }?.text.hasPrefix("Temperature from") ?? false)
    }

    func testEmptyForecastStillParses() throws {
        let svg = try SVGDocument(parsing: chart([]).render().markup)
        XCTAssertEqual(svg.elements(withClass: "chart-empty").first?.text, "No forecast data")
    }

    func testNiceScale() {
        let scale = LinearScale.nice(covering: [3.2, 13.7], rangeStart: 100, rangeEnd: 0, tickCount: 5)
        // (13.7 - 3.2) / 4 = 2.6 per tick rounds up to the nice step 5.
        XCTAssertEqual(scale.domain, 0...15)
        XCTAssertEqual(scale.ticks, [0, 5, 10, 15])
        XCTAssertEqual(scale.position(of: 0), 100)
        XCTAssertEqual(scale.position(of: 15), 0)
        let flat = LinearScale.nice(covering: [0, 0], rangeStart: 10, rangeEnd: 0, minimumSpan: 1, includeZero: true)
        XCTAssertEqual(flat.domain.lowerBound, 0)
        XCTAssertGreaterThanOrEqual(flat.domain.upperBound, 1)
    }

    func testPlaceClock() {
        let clock = PlaceClock(utcOffsetSeconds: -18_000)  // UTC-5
        let date = Date(timeIntervalSince1970: 1_796_083_200)  // 2026-12-01 00:00 UTC = 2026-11-30 19:00 local
        XCTAssertEqual(clock.iso8601(date), "2026-11-30T19:00-05:00")
        XCTAssertEqual(clock.weekdayAndTime(of: date), "Mon 19:00")
        XCTAssertEqual(clock.day(of: date), "Mon 30 Nov")
        XCTAssertEqual(clock.offsetText, "UTC−5")
        XCTAssertEqual(
            clock.startOfDay(clock.dayNumber(of: date)), Date(timeIntervalSince1970: 1_796_083_200 - 19 * 3600))
    }

    func testAirQualityStripBands() throws {
        let readings = (0..<30).map {
            AirQualityStrip.Reading(time: start.addingTimeInterval(Double($0) * 3600), index: $0 % 5 + 1)
        }
        let strip = AirQualityStrip(readings: readings, clock: PlaceClock(utcOffsetSeconds: 0), title: "Air <quality>")
        let svg = try SVGDocument(parsing: strip.render().markup)
        let bands = svg.elements(withClass: "aqi-band")
        XCTAssertEqual(bands.count, 30)
        XCTAssertEqual(bands.map { $0.attributes["data-value"] }, readings.map { String($0.index) })
        XCTAssertEqual(bands[2].attributes["class"], "aqi-band aqi-3")
        XCTAssertEqual(
            svg.elements(withClass: "day-separator").map { $0.attributes["data-time"] }, ["2026-12-02T00:00+00:00"])
    }
}
