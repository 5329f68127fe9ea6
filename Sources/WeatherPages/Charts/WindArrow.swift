import WeatherServerCore
package import WeatherCore

/// A small compass arrow for a wind reading: it points where the wind blows to (a wind *from* the
/// west points east), labelled with the direction it comes from, e.g. `Wind from WSW (250°)`.
package enum WindArrow {
    /// The arrow for a wind from `direction`.
    package static func svg(from direction: Direction) -> SafeMarkup {
        let label =
            "Wind from \(direction.compassPoint.abbreviation) (\(direction.formatted().split(separator: " ").first ?? "0°"))"
        var svg = SVGBuilder()
        svg.open(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "class": "wind-arrow", "viewBox": "0 0 24 24", "width": "20",
                "height": "20", "role": "img", "aria-label": label,
            ])
        svg.element("title", text: label)
        svg.leaf("circle", ["class": "wind-arrow-ring", "cx": "12", "cy": "12", "r": "11"])
        svg.leaf(
            "path",
            [
                "class": "wind-arrow-head", "d": "M12,3 L17,18 L12,14.5 L7,18 Z",
                "transform":
                    "rotate(\(SVGBuilder.number((direction.normalized.degrees + 180).truncatingRemainder(dividingBy: 360))) 12 12)",
            ])
        svg.close("svg")
        return svg.markup
    }
}
