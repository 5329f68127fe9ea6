import Foundation
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The templates themselves: only SafeMarkup is written unescaped, every attribute is quoted.
final class PageSafetyTests: XCTestCase {
    func testOnlySafeMarkupIsWrittenUnescaped() throws {
        let triple = try NSRegularExpression(pattern: #"\{\{\{\s*([^}]+?)\s*\}\}\}"#)
        for (name, text) in PageTemplates.sources {
            let range = NSRange(text.startIndex..., in: text)
            for match in triple.matches(in: text, range: range) {
                let variable = String(text[Range(match.range(at: 1), in: text)!])
                XCTAssertTrue(
                    PageTemplates.tripleMustacheNames.contains(variable),
                    "template \(name) writes {{{\(variable)}}} unescaped, which is not SafeMarkup")
            }
            XCTAssertFalse(text.contains("{{&"), "template \(name) uses {{& …}}, which does not escape")
            XCTAssertFalse(text.contains("={{"), "template \(name) has an unquoted attribute value")
            XCTAssertFalse(text.contains("style="), "template \(name) has an inline style, which the CSP refuses")
            XCTAssertFalse(text.contains("<script>"), "template \(name) has an inline script, which the CSP refuses")
        }
    }

    func testSVGBuilderEscapes() {
        XCTAssertEqual(
            SVGBuilder.escape(#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        XCTAssertEqual(SVGBuilder.number(-0.001), "0")
        XCTAssertEqual(SVGBuilder.number(12.345), "12.35")
        XCTAssertEqual(SVGBuilder.number(7), "7")
    }
}
