package import WeatherServerCore
package import Foundation
import WeatherCore

/// The air-quality forecast as a strip of coloured bands, one per hourly reading, coloured by
/// OpenWeather's index (classes `aqi-1` … `aqi-5`, set by the stylesheet), with day separators at
/// the place's local midnight and day labels underneath.
package struct AirQualityStrip {
    /// One hourly reading.
    package struct Reading: Sendable, Equatable {
        /// The hour it is for.
        package var time: Date
        /// OpenWeather's index, 1 (good) … 5 (very poor).
        package var index: Int
    }

    /// The readings in time order.
    package var readings: [Reading]
    /// The place's wall clock.
    package var clock: PlaceClock
    /// The strip's accessible name.
    package var title: String
    /// Element ids in the SVG start with this.
    package var idPrefix = "air-strip"

    package static let width = 960.0
    package static let height = 64.0
    package static let left = 64.0
    package static let right = 904.0
    package static let band = (top: 4.0, bottom: 36.0)

    /// The time axis: from the first reading's hour to the end of the last one.
    package var timeScale: LinearScale {
        let first = readings.first?.time.timeIntervalSince1970 ?? 0
        let last = (readings.last?.time.timeIntervalSince1970 ?? first) + 3600
        return LinearScale(
            domain: first...max(last, first + 3600), rangeStart: Self.left, rangeEnd: Self.right, tickStep: 3600)
    }

    /// How many hours fall in each band, for `<desc>`: `Good 40 h, Fair 30 h, …`.
    package var summary: String {
        guard !readings.isEmpty else { return "No air quality forecast." }
        var parts: [String] = []
        for level in AirQualityIndex.allCases {
            let hours = readings.filter { $0.index == level.index }.count
            if hours > 0 { parts.append("\(level.name) \(hours) h") }
        }
        return "Air quality index by hour over \(readings.count) hours: " + parts.joined(separator: ", ") + "."
    }

    /// The SVG.
    package func render() -> SafeMarkup {
        let n = SVGBuilder.number
        var svg = SVGBuilder()
        svg.open(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "class": "air-strip",
                "viewBox": "0 0 \(n(Self.width)) \(n(Self.height))", "role": "img",
                "aria-labelledby": "\(idPrefix)-title \(idPrefix)-desc",
            ])
        svg.element("title", ["id": "\(idPrefix)-title"], text: title)
        svg.element("desc", ["id": "\(idPrefix)-desc"], text: summary)
        let scale = timeScale
        svg.open("g", ["class": "aqi-bands"])
        for reading in readings {
            let start = scale.position(of: reading.time.timeIntervalSince1970)
            let end = scale.position(of: reading.time.timeIntervalSince1970 + 3600)
            let level = AirQualityIndex(index: reading.index)
            svg.open(
                "rect",
                [
                    "class": "aqi-band aqi-\(level?.index ?? 0)", "x": n(start), "y": n(Self.band.top),
                    "width": n(max(end - start, 0.5)), "height": n(Self.band.bottom - Self.band.top),
                    "data-time": clock.iso8601(reading.time), "data-value": String(reading.index),
                ])
            svg.element(
                "title",
                text: "\(clock.weekdayAndTime(of: reading.time)): \(level?.name ?? "Unknown") (\(reading.index))")
            svg.close("rect")
        }
        svg.close("g")
        if !readings.isEmpty {
            let firstDay = clock.dayNumber(of: Date(timeIntervalSince1970: scale.domain.lowerBound))
            let lastDay = clock.dayNumber(of: Date(timeIntervalSince1970: scale.domain.upperBound))
            svg.open("g", ["class": "days"])
            for day in firstDay...lastDay {
                let start = clock.startOfDay(day)
                let startX = scale.position(of: start.timeIntervalSince1970)
                if startX > Self.left, startX < Self.right {
                    svg.leaf(
                        "line",
                        [
                            "class": "day-separator", "x1": n(startX), "x2": n(startX), "y1": "0",
                            "y2": n(Self.band.bottom + 4), "data-time": clock.iso8601(start),
                        ])
                }
                let segmentStart = max(Self.left, startX)
                let segmentEnd = min(Self.right, scale.position(of: clock.startOfDay(day + 1).timeIntervalSince1970))
                if segmentEnd - segmentStart >= 48 {
                    svg.element(
                        "text",
                        [
                            "class": "day-label", "x": n((segmentStart + segmentEnd) / 2),
                            "y": n(Self.band.bottom + 22),
                            "text-anchor": "middle",
                        ], text: clock.shortDay(of: start))
                }
            }
            svg.close("g")
        }
        svg.close("svg")
        return svg.markup
    }
}
