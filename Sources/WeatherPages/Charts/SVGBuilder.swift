
/// Writes SVG text: element and attribute names come from our code, every attribute value and text
/// node is XML-escaped, and numbers are written locale-independently with at most two decimals.
///
/// ```swift
/// var svg = SVGBuilder()
/// svg.open("svg", ["viewBox": "0 0 10 10"])
/// svg.element("title", text: placeName)  // escaped
/// svg.leaf("circle", ["cx": SVGBuilder.number(5), "cy": "5", "r": "2"])
/// svg.close("svg")
/// ```
package struct SVGBuilder {
    /// The markup so far.
    private(set) var text = ""
    private var openElements: [String] = []

    /// An empty builder.
    package init() {}

    /// Opens `<name …>`; close it with ``close(_:)``. Attributes are written in the order given.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<" + name
        append(attributes)
        text += ">"
        openElements.append(name)
    }

    /// Writes `<name …/>`.
    package mutating func leaf(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<" + name
        append(attributes)
        text += "/>"
    }

    /// Writes `<name …>text</name>`, the text escaped.
    package mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String) {
        text += "<" + name
        append(attributes)
        text += ">" + Self.escape(content) + "</" + name + ">"
    }

    /// Closes the innermost open element, which must be `name`.
    package mutating func close(_ name: String) {
        precondition(
            openElements.last == name, "SVGBuilder: closing <\(name)> but <\(openElements.last ?? "nothing")> is open")
        openElements.removeLast()
        text += "</" + name + ">"
    }

    /// The finished markup; every opened element must be closed.
    package var markup: SafeMarkup {
        precondition(openElements.isEmpty, "SVGBuilder: <\(openElements.joined(separator: "><"))> left open")
        return SafeMarkup(trusted: text)
    }

    private mutating func append(_ attributes: KeyValuePairs<String, String>) {
        for (name, value) in attributes {
            text += " " + name + "=\"" + Self.escape(value) + "\""
        }
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities: safe in text and in quoted attributes.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `value` rounded to two decimals, without trailing zeros or a negative zero: `12`, `3.5`, `-0.25`.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}
