import WeatherServerCore
import Foundation

/// Condition icons drawn inline as SVG (no external assets), chosen by OpenWeather's icon id
/// (`01d` clear day … `50n` mist): sun or moon, clouds, rain, thunder, snow, mist. Each has a
/// `<title>` and an `aria-label` with the condition text, so it reads as what it shows.
package enum WeatherIcon {
    /// The icon for `icon` (OpenWeather's id, e.g. `10d`), labelled `label` (the condition text, escaped).
    package static func svg(icon: String, label: String, size: Int = 64) -> SafeMarkup {
        let stem = String(icon.prefix(2))
        let night = icon.hasSuffix("n")
        var svg = SVGBuilder()
        svg.open(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "class": "icon icon-\(stem.isEmpty ? "none" : stem)",
                "viewBox": "0 0 64 64", "width": String(size), "height": String(size), "role": "img",
                "aria-label": label,
            ])
        svg.element("title", text: label)
        switch stem {
        case "01":
            night ? moon(&svg, x: 32, y: 32, radius: 16) : sun(&svg, x: 32, y: 32, radius: 12)
        case "02":
            night ? moon(&svg, x: 24, y: 22, radius: 11) : sun(&svg, x: 24, y: 22, radius: 9)
            cloud(&svg, dy: 6)
        case "03", "04":
            cloud(&svg, dy: 0)
        case "09", "10":
            cloud(&svg, dy: -6)
            for x in [22, 32, 42] {
                svg.leaf("line", ["class": "icon-rain", "x1": String(x), "y1": "44", "x2": String(x - 4), "y2": "56"])
            }
        case "11":
            cloud(&svg, dy: -6)
            svg.leaf("polygon", ["class": "icon-bolt", "points": "34,38 24,52 31,52 27,62 40,46 33,46 37,38"])
        case "13":
            cloud(&svg, dy: -6)
            for (x, y) in [(22, 48), (32, 54), (42, 48), (27, 58), (37, 60)] {
                svg.leaf("circle", ["class": "icon-snow", "cx": String(x), "cy": String(y), "r": "2.5"])
            }
        case "50":
            for (y, inset) in [(24, 10), (34, 6), (44, 12)] {
                svg.leaf(
                    "line",
                    [
                        "class": "icon-mist", "x1": String(inset), "y1": String(y), "x2": String(64 - inset),
                        "y2": String(y),
                    ])
            }
        default:
            svg.leaf("circle", ["class": "icon-cloud", "cx": "32", "cy": "32", "r": "10"])
        }
        svg.close("svg")
        return svg.markup
    }

    private static func sun(_ svg: inout SVGBuilder, x: Double, y: Double, radius: Double) {
        let n = SVGBuilder.number
        svg.open("g", ["class": "icon-sun"])
        for ray in 0..<8 {
            let angle = Double(ray) * Double.pi / 4
            let (c, s) = (cos(angle), sin(angle))
            svg.leaf(
                "line",
                [
                    "class": "icon-ray", "x1": n(x + c * (radius + 4)), "y1": n(y + s * (radius + 4)),
                    "x2": n(x + c * (radius + 9)), "y2": n(y + s * (radius + 9)),
                ])
        }
        svg.leaf("circle", ["class": "icon-sun-disc", "cx": n(x), "cy": n(y), "r": n(radius)])
        svg.close("g")
    }

    private static func moon(_ svg: inout SVGBuilder, x: Double, y: Double, radius: Double) {
        let n = SVGBuilder.number
        // A crescent: the outer arc of the disc, then an inner arc back to the start.
        let top = "\(n(x)),\(n(y - radius))"
        let bottom = "\(n(x)),\(n(y + radius))"
        svg.leaf(
            "path",
            [
                "class": "icon-moon",
                "d":
                    "M\(top) A\(n(radius)),\(n(radius)) 0 1 0 \(bottom) A\(n(radius * 0.75)),\(n(radius)) 0 1 1 \(top) Z",
            ])
    }

    private static func cloud(_ svg: inout SVGBuilder, dy: Double) {
        let n = SVGBuilder.number
        svg.leaf(
            "path",
            [
                "class": "icon-cloud",
                "d":
                    "M18,\(n(48 + dy)) H46 A10,10 0 0 0 46,\(n(28 + dy)) A14,14 0 0 0 19,\(n(26 + dy)) A11,11 0 0 0 18,\(n(48 + dy)) Z",
            ])
    }
}
