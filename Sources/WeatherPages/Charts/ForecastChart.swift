package import WeatherServerCore
package import Foundation
package import WeatherCore

/// The 5-day chart of a place page, as SVG: temperature (line, left axis) over the chance of
/// precipitation (bars, right axis, 0–100 %), then precipitation amounts (bars, mm or in), then wind speed
/// (line with arrows pointing downwind); day separators at the place's local midnight, day and hour
/// labels in its local time.
///
/// Colours come from classes the page's stylesheet sets (so dark mode restyles the chart) and from
/// presentation attributes; there is no `style` attribute, which the pages' CSP forbids. Every value
/// drawn carries `data-value` (and `data-time`, ISO 8601 in local time) plus a `<title>` tooltip.
package struct ForecastChart {
    /// The steps in time order.
    package var steps: [ForecastChartStep]
    /// The place's wall clock.
    package var clock: PlaceClock
    /// `°C`, `°F` or `K`.
    package var temperatureSymbol: String
    /// `m/s` or `mph`.
    package var speedSymbol: String
    /// The chart's accessible name, e.g. `5-day forecast for Zürich, CH`.
    package var title: String
    /// The unit of the steps' precipitation amounts: millimetres, or inches on an imperial page.
    package var precipitationUnit = PrecipitationUnit.millimeters
    /// Element ids in the SVG start with this (one chart per page, but ids must be unique).
    package var idPrefix = "forecast-chart"
    /// The SVG's class: `forecast-chart` for the 5-day chart, `quarter-chart` for 15-minute steps.
    package var cssClass = "forecast-chart"
    /// The time between two steps, in seconds: 3 hours for the forecast, 900 for quarter hours.
    package var stepSeconds = 10_800.0

    /// The viewBox size; the page scales the chart to its width.
    package static let width = 960.0
    package static let height = 420.0

    /// The plot area's horizontal extent and the three panels' vertical extents (top, bottom).
    package static let left = 64.0
    package static let right = 904.0
    package static let temperaturePanel = (top: 28.0, bottom: 208.0)
    package static let precipitationPanel = (top: 236.0, bottom: 290.0)
    package static let windPanel = (top: 318.0, bottom: 372.0)

    /// The temperature axis.
    package var temperatureScale: LinearScale {
        .nice(
            covering: steps.map(\.temperature), rangeStart: Self.temperaturePanel.bottom,
            rangeEnd: Self.temperaturePanel.top, tickCount: 5, minimumSpan: 4)
    }

    /// The chance-of-precipitation axis: 0–1, fixed.
    package var probabilityScale: LinearScale {
        LinearScale(
            domain: 0...1, rangeStart: Self.temperaturePanel.bottom, rangeEnd: Self.temperaturePanel.top, tickStep: 0.5)
    }

    /// The precipitation amount axis, from 0, at least 1 mm (or 0.05 in).
    package var precipitationScale: LinearScale {
        .nice(
            covering: steps.map(\.precipitation), rangeStart: Self.precipitationPanel.bottom,
            rangeEnd: Self.precipitationPanel.top, tickCount: 4,
            minimumSpan: precipitationUnit == .inches ? 0.05 : 1, includeZero: true)
    }

    /// The wind speed axis, from 0.
    package var windScale: LinearScale {
        .nice(
            covering: steps.map(\.windSpeed), rangeStart: Self.windPanel.bottom, rangeEnd: Self.windPanel.top,
            tickCount: 4, minimumSpan: 5, includeZero: true)
    }

    /// The time axis: the steps, with half a step (90 min for 3-hour steps) of room on either side for the bars.
    package var timeScale: LinearScale {
        let first = steps.first?.time.timeIntervalSince1970 ?? 0
        let last = steps.last?.time.timeIntervalSince1970 ?? first
        return LinearScale(
            domain: (first - stepSeconds / 2)...(max(last, first) + stepSeconds / 2), rangeStart: Self.left,
            rangeEnd: Self.right, tickStep: stepSeconds)
    }

    /// The x position of an instant.
    package func x(_ date: Date) -> Double { timeScale.position(of: date.timeIntervalSince1970) }

    /// One sentence per panel, for `<desc>`: the range of each quantity.
    package var summary: String {
        guard !steps.isEmpty else { return "No forecast data." }
        let temperatures = steps.map(\.temperature)
        let chance = (steps.map(\.precipitationProbability).max() ?? 0) * 100
        let total = steps.map(\.precipitation).reduce(0, +)
        let wind = steps.map(\.windSpeed).max() ?? 0
        let amount: String = NumberText.format(total, digits: precipitationUnit.readerFractionDigits)
        return "Temperature from \(NumberText.format(temperatures.min() ?? 0)) \(temperatureSymbol)"
            + " to \(NumberText.format(temperatures.max() ?? 0)) \(temperatureSymbol)."
            + " Chance of precipitation up to \(NumberText.format(chance)) %,"
            + " \(amount) \(precipitationUnit.symbol) in all."
            + " Wind up to \(NumberText.format(wind, digits: 1)) \(speedSymbol)."
    }

    /// The SVG.
    package func render() -> SafeMarkup {
        var svg = SVGBuilder()
        svg.open(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "class": cssClass,
                "viewBox": "0 0 \(SVGBuilder.number(Self.width)) \(SVGBuilder.number(Self.height))",
                "role": "img", "aria-labelledby": "\(idPrefix)-title \(idPrefix)-desc",
            ])
        svg.element("title", ["id": "\(idPrefix)-title"], text: title)
        svg.element("desc", ["id": "\(idPrefix)-desc"], text: summary)
        guard !steps.isEmpty else {
            svg.element(
                "text",
                ["class": "chart-empty", "x": SVGBuilder.number(Self.width / 2), "y": "200", "text-anchor": "middle"],
                text: "No forecast data")
            svg.close("svg")
            return svg.markup
        }
        drawPanels(&svg)
        drawDays(&svg)
        drawProbability(&svg)
        drawTemperature(&svg)
        drawPrecipitation(&svg)
        drawWind(&svg)
        svg.close("svg")
        return svg.markup
    }

    // MARK: - Panels and axes

    private func drawPanels(_ svg: inout SVGBuilder) {
        svg.open("g", ["class": "axes"])
        let n = SVGBuilder.number
        label(&svg, "Temperature (\(temperatureSymbol))", x: Self.left, y: 16, anchor: "start", cssClass: "panel-title")
        label(
            &svg, "Chance of precipitation (%)", x: Self.right, y: 16, anchor: "end", cssClass: "panel-title pop-title")
        label(
            &svg, "Precipitation (\(precipitationUnit.symbol))", x: Self.left, y: Self.precipitationPanel.top - 10, anchor: "start",
            cssClass: "panel-title")
        label(
            &svg, "Wind (\(speedSymbol))", x: Self.left, y: Self.windPanel.top - 10, anchor: "start",
            cssClass: "panel-title")
        for (scale, format) in [
            (temperatureScale, { (v: Double) in NumberText.format(v, digits: temperatureScale.tickStep < 1 ? 1 : 0) }),
            (
                precipitationScale,
                { (v: Double) in NumberText.format(v, digits: precipitationScale.tickStep < 0.1 ? 2 : precipitationScale.tickStep < 1 ? 1 : 0) }
            ),
            (windScale, { (v: Double) in NumberText.format(v, digits: windScale.tickStep < 1 ? 1 : 0) }),
        ] {
            for tick in scale.ticks {
                let y = scale.position(of: tick)
                svg.leaf("line", ["class": "grid", "x1": n(Self.left), "x2": n(Self.right), "y1": n(y), "y2": n(y)])
                label(&svg, format(tick), x: Self.left - 6, y: y + 4, anchor: "end", cssClass: "tick")
            }
            svg.leaf(
                "line",
                [
                    "class": "axis", "x1": n(Self.left), "x2": n(Self.left), "y1": n(scale.rangeEnd),
                    "y2": n(scale.rangeStart),
                ])
            svg.leaf(
                "line",
                [
                    "class": "axis", "x1": n(Self.left), "x2": n(Self.right), "y1": n(scale.rangeStart),
                    "y2": n(scale.rangeStart),
                ])
        }
        for tick in probabilityScale.ticks {
            label(
                &svg, NumberText.format(tick * 100), x: Self.right + 6, y: probabilityScale.position(of: tick) + 4,
                anchor: "start", cssClass: "tick pop-tick")
        }
        svg.leaf(
            "line",
            [
                "class": "axis", "x1": n(Self.right), "x2": n(Self.right), "y1": n(Self.temperaturePanel.top),
                "y2": n(Self.temperaturePanel.bottom),
            ])
        svg.close("g")
    }

    /// Day separators at local midnight, day labels centred on each day, hour labels at 06, 12 and 18.
    private func drawDays(_ svg: inout SVGBuilder) {
        let n = SVGBuilder.number
        let scale = timeScale
        let firstDay = clock.dayNumber(of: Date(timeIntervalSince1970: scale.domain.lowerBound))
        let lastDay = clock.dayNumber(of: Date(timeIntervalSince1970: scale.domain.upperBound))
        svg.open("g", ["class": "days"])
        for day in firstDay...lastDay {
            let start = clock.startOfDay(day)
            let startX = x(start)
            if startX > Self.left, startX < Self.right {
                svg.leaf(
                    "line",
                    [
                        "class": "day-separator", "x1": n(startX), "x2": n(startX), "y1": n(Self.temperaturePanel.top),
                        "y2": n(Self.windPanel.bottom + 22), "data-time": clock.iso8601(start),
                    ])
            }
            for hour in [6, 12, 18] {
                let tickX = x(start.addingTimeInterval(TimeInterval(hour * 3600)))
                guard tickX > Self.left, tickX < Self.right else { continue }
                svg.leaf(
                    "line",
                    [
                        "class": "hour-tick", "x1": n(tickX), "x2": n(tickX), "y1": n(Self.windPanel.bottom),
                        "y2": n(Self.windPanel.bottom + 5),
                    ])
                label(
                    &svg, PlaceClock.two(hour), x: tickX, y: Self.windPanel.bottom + 18, anchor: "middle",
                    cssClass: "tick hour-label")
            }
            let segmentStart = max(Self.left, startX)
            let segmentEnd = min(Self.right, x(clock.startOfDay(day + 1)))
            if segmentEnd - segmentStart >= 48 {
                label(
                    &svg, clock.shortDay(of: start), x: (segmentStart + segmentEnd) / 2, y: Self.windPanel.bottom + 40,
                    anchor: "middle", cssClass: "day-label")
            }
        }
        svg.close("g")
    }

    // MARK: - Series

    /// The width of one bar: 70 % of a step.
    private var barWidth: Double {
        (x(Date(timeIntervalSince1970: stepSeconds)) - x(Date(timeIntervalSince1970: 0))) * 0.7
    }

    private func drawProbability(_ svg: inout SVGBuilder) {
        let n = SVGBuilder.number
        let scale = probabilityScale
        svg.open("g", ["class": "pop-bars"])
        for step in steps {
            let probability = min(max(step.precipitationProbability, 0), 1)
            let top = scale.position(of: probability)
            svg.open(
                "rect",
                [
                    "class": "pop-bar", "x": n(x(step.time) - barWidth / 2), "y": n(top), "width": n(barWidth),
                    "height": n(scale.rangeStart - top), "data-time": clock.iso8601(step.time),
                    "data-value": NumberText.format(probability * 100),
                ])
            svg.element(
                "title",
                text:
                    "\(clock.weekdayAndTime(of: step.time)): \(NumberText.format(probability * 100)) % chance of precipitation"
            )
            svg.close("rect")
        }
        svg.close("g")
    }

    private func drawTemperature(_ svg: inout SVGBuilder) {
        let n = SVGBuilder.number
        let scale = temperatureScale
        let points = steps.map { "\(n(x($0.time))),\(n(scale.position(of: $0.temperature)))" }
        svg.open("g", ["class": "temperature"])
        svg.leaf("polyline", ["class": "temp-line", "fill": "none", "points": points.joined(separator: " ")])
        for step in steps {
            svg.open(
                "circle",
                [
                    "class": "temp-point", "cx": n(x(step.time)), "cy": n(scale.position(of: step.temperature)),
                    "r": "3",
                    "data-time": clock.iso8601(step.time), "data-value": NumberText.format(step.temperature, digits: 1),
                ])
            svg.element(
                "title",
                text:
                    "\(clock.weekdayAndTime(of: step.time)): \(NumberText.format(step.temperature, digits: 1)) \(temperatureSymbol)"
            )
            svg.close("circle")
        }
        svg.close("g")
    }

    private func drawPrecipitation(_ svg: inout SVGBuilder) {
        let n = SVGBuilder.number
        let scale = precipitationScale
        svg.open("g", ["class": "precip-bars"])
        for step in steps where step.precipitation > 0 {
            let top = scale.position(of: step.precipitation)
            svg.open(
                "rect",
                [
                    "class": "precip-bar", "x": n(x(step.time) - barWidth / 2), "y": n(top), "width": n(barWidth),
                    "height": n(scale.rangeStart - top), "data-time": clock.iso8601(step.time),
                    "data-value": NumberText.format(step.precipitation, digits: 2),
                ])
            svg.element(
                "title",
                text:
                    "\(clock.weekdayAndTime(of: step.time)): \(NumberText.format(step.precipitation, digits: precipitationUnit.readerFractionDigits)) \(precipitationUnit.symbol) in 3 h"
            )
            svg.close("rect")
        }
        svg.close("g")
    }

    private func drawWind(_ svg: inout SVGBuilder) {
        let n = SVGBuilder.number
        let scale = windScale
        let points = steps.map { "\(n(x($0.time))),\(n(scale.position(of: $0.windSpeed)))" }
        svg.open("g", ["class": "wind"])
        svg.leaf("polyline", ["class": "wind-line", "fill": "none", "points": points.joined(separator: " ")])
        let arrowEvery = max(1, Int((21_600 / stepSeconds).rounded()))
        for (index, step) in steps.enumerated() {
            let cx = x(step.time)
            let cy = scale.position(of: step.windSpeed)
            let compass = CompassPoint(degrees: step.windFromDegrees).abbreviation
            svg.open(
                "circle",
                [
                    "class": "wind-point", "cx": n(cx), "cy": n(cy), "r": "2", "data-time": clock.iso8601(step.time),
                    "data-value": NumberText.format(step.windSpeed, digits: 1),
                ])
            svg.element(
                "title",
                text:
                    "\(clock.weekdayAndTime(of: step.time)): wind \(NumberText.format(step.windSpeed, digits: 1)) \(speedSymbol) from \(compass)"
            )
            svg.close("circle")
            // An arrow every 6 hours, pointing where the wind blows to.
            if index % arrowEvery == 0 {
                svg.leaf(
                    "path",
                    [
                        "class": "wind-dir", "d": "M0,-7 L4,5 L0,2 L-4,5 Z",
                        "transform":
                            "translate(\(n(cx)),\(n(Self.windPanel.top + 8))) rotate(\(n((step.windFromDegrees + 180).truncatingRemainder(dividingBy: 360))))",
                    ])
            }
        }
        svg.close("g")
    }

    private func label(
        _ svg: inout SVGBuilder, _ text: String, x: Double, y: Double, anchor: String, cssClass: String
    ) {
        svg.element(
            "text",
            ["class": cssClass, "x": SVGBuilder.number(x), "y": SVGBuilder.number(y), "text-anchor": anchor],
            text: text)
    }
}
