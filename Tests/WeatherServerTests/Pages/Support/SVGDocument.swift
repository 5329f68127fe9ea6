import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG (or any XML) parsed with Foundation's `XMLParser`: its elements in document order with
/// their attributes, and the text of each `<title>`. Parsing fails on anything that is not
/// well-formed XML, which is the point.
struct SVGDocument {
    /// One element.
    struct Element {
        var name: String
        var attributes: [String: String]
        /// The text directly inside it (e.g. a `<title>`'s).
        var text: String
    }

    /// Every element, in document order.
    var elements: [Element]

    /// Parses `text`, or throws the parser's error.
    init(parsing text: String) throws {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else {
            throw SVGParseError(message: parser.parserError.map { "\($0)" } ?? "unknown XML error")
        }
        elements = collector.elements
    }

    /// The elements whose `class` attribute contains `cssClass`.
    func elements(withClass cssClass: String) -> [Element] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(cssClass)) }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var stack: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(Element(name: elementName, attributes: attributes, text: ""))
            stack.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = stack.last { elements[last].text += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            stack.removeLast()
        }
    }
}

/// The text was not well-formed XML.
struct SVGParseError: Error, CustomStringConvertible {
    var message: String
    var description: String { "SVG does not parse: \(message)" }
}
