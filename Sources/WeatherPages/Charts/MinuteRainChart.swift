package import WeatherServerCore
package import Foundation
package import WeatherCore

/// The next hour's precipitation as a small bar chart, one bar per minute (intensity in mm/h, or
/// in/h on an imperial page), with the local time every 15 minutes underneath.
///
/// Like ``ForecastChart``: colours from the stylesheet's classes, no `style` attribute, every bar
/// with `data-time` (ISO 8601, local), `data-value` and a `<title>` tooltip.
package struct MinuteRainChart {
    /// One minute.
    package struct Minute: Sendable, Equatable {
        /// The minute.
        package var time: Date
        /// Intensity in the chart's unit per hour.
        package var intensity: Double
    }

    /// The minutes in time order.
    package var minutes: [Minute]
    /// The place's wall clock.
    package var clock: PlaceClock
    /// `mm` or `in` (per hour).
    package var unit: PrecipitationUnit
    /// The chart's accessible name.
    package var title: String
    /// Element ids in the SVG start with this.
    package var idPrefix = "minute-chart"

    package static let width = 960.0
    package static let height = 150.0
    package static let left = 64.0
    package static let right = 904.0
    package static let plot = (top: 12.0, bottom: 110.0)

    /// Whether every minute is dry.
    package var isDry: Bool { minutes.allSatisfy { $0.intensity <= 0 } }

    /// The intensity axis, from 0, at least 1 mm/h (or 0.05 in/h).
    package var intensityScale: LinearScale {
        .nice(
            covering: minutes.map(\.intensity), rangeStart: Self.plot.bottom, rangeEnd: Self.plot.top, tickCount: 3,
            minimumSpan: unit == .inches ? 0.05 : 1, includeZero: true)
    }

    /// The time axis: from the first minute to the end of the last.
    package var timeScale: LinearScale {
        let first = minutes.first?.time.timeIntervalSince1970 ?? 0
        let last = (minutes.last?.time.timeIntervalSince1970 ?? first) + 60
        return LinearScale(
            domain: first...max(last, first + 60), rangeStart: Self.left, rangeEnd: Self.right, tickStep: 900)
    }

    /// For `<desc>`: when it is wettest, and how many minutes are wet.
    package var summary: String {
        guard let first = minutes.first, let last = minutes.last else { return "No minute forecast." }
        let span = "From \(clock.time(of: first.time)) to \(clock.time(of: last.time.addingTimeInterval(60)))"
        let wet = minutes.filter { $0.intensity > 0 }
        guard let peak = wet.max(by: { $0.intensity < $1.intensity }) else {
            return span + ": no precipitation expected."
        }
        return span + ": precipitation in \(wet.count) of \(minutes.count) minutes, heaviest "
            + "\(NumberText.format(peak.intensity, digits: 2)) \(unit.symbol)/h at \(clock.time(of: peak.time))."
    }

    /// The SVG.
    package func render() -> SafeMarkup {
        let n = SVGBuilder.number
        var svg = SVGBuilder()
        svg.open(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "class": "minute-chart",
                "viewBox": "0 0 \(n(Self.width)) \(n(Self.height))", "role": "img",
                "aria-labelledby": "\(idPrefix)-title \(idPrefix)-desc",
            ])
        svg.element("title", ["id": "\(idPrefix)-title"], text: title)
        svg.element("desc", ["id": "\(idPrefix)-desc"], text: summary)
        let y = intensityScale
        let x = timeScale
        svg.open("g", ["class": "axes"])
        for tick in y.ticks {
            let tickY = y.position(of: tick)
            svg.leaf(
                "line", ["class": "grid", "x1": n(Self.left), "x2": n(Self.right), "y1": n(tickY), "y2": n(tickY)])
            svg.element(
                "text", ["class": "tick", "x": n(Self.left - 8), "y": n(tickY + 4), "text-anchor": "end"],
                text: NumberText.format(tick, digits: unit == .inches ? 2 : 1))
        }
        svg.element(
            "text",
            ["class": "tick unit-label", "x": n(Self.right + 8), "y": n(Self.plot.top + 4), "text-anchor": "start"],
            text: "\(unit.symbol)/h")
        svg.leaf(
            "line",
            [
                "class": "axis", "x1": n(Self.left), "x2": n(Self.right), "y1": n(Self.plot.bottom),
                "y2": n(Self.plot.bottom),
            ])
        if let first = minutes.first {
            var mark = first.time
            while x.position(of: mark.timeIntervalSince1970) <= Self.right + 0.5 {
                let markX = x.position(of: mark.timeIntervalSince1970)
                svg.leaf(
                    "line",
                    [
                        "class": "hour-tick", "x1": n(markX), "x2": n(markX), "y1": n(Self.plot.bottom),
                        "y2": n(Self.plot.bottom + 5),
                    ])
                svg.element(
                    "text",
                    [
                        "class": "tick time-label", "x": n(markX), "y": n(Self.plot.bottom + 22),
                        "text-anchor": "middle",
                    ],
                    text: clock.time(of: mark))
                mark = mark.addingTimeInterval(900)
            }
        }
        svg.close("g")
        svg.open("g", ["class": "minute-bars"])
        for minute in minutes {
            let start = x.position(of: minute.time.timeIntervalSince1970)
            let end = x.position(of: minute.time.timeIntervalSince1970 + 60)
            let value = max(minute.intensity, 0)
            let top = y.position(of: value)
            svg.open(
                "rect",
                [
                    "class": "minute-bar", "x": n(start + 0.5), "y": n(top), "width": n(max(end - start - 1, 0.5)),
                    "height": n(Self.plot.bottom - top), "data-time": clock.iso8601(minute.time),
                    "data-value": NumberText.format(value, digits: 2),
                ])
            svg.element(
                "title",
                text: "\(clock.time(of: minute.time)): \(NumberText.format(value, digits: 2)) \(unit.symbol)/h")
            svg.close("rect")
        }
        svg.close("g")
        svg.close("svg")
        return svg.markup
    }
}
