import HTTPTypes
import XCTest

@testable import WeatherServerCore

final class QueryStringTests: XCTestCase {
    func testDecodesPercentEscapesPlusAndRawUTF8() throws {
        let query = try QueryString("city=Z%C3%BCrich&state=New+York&lang=de&q=S%C3%A3o%20Paulo&raw=Zürich&empty=")
        XCTAssertEqual(query.value("city"), "Zürich")
        XCTAssertEqual(query.value("state"), "New York")
        XCTAssertEqual(query.value("q"), "São Paulo")
        XCTAssertEqual(query.value("raw"), "Zürich")
        XCTAssertEqual(query.value("empty"), "")
        XCTAssertNil(query.text("empty"))
        XCTAssertNil(query.value("missing"))
        XCTAssertEqual(query.names, ["city", "state", "lang", "q", "raw", "empty"])
    }

    func testRefusesWhatCannotBeReadUnambiguously() {
        for bad in ["city=%", "city=%4", "city=%G1", "city=%00", "city=%0A", "city=%C3", "city=%FF%FE", "a=1&a=2", "=x"] {
            XCTAssertThrowsError(try QueryString(Substring(bad)), bad) { error in
                XCTAssertEqual((error as? Problem)?.status, .badRequest, bad)
            }
        }
        XCTAssertThrowsError(try QueryString(Substring(String(repeating: "x", count: QueryString.maxLength + 1)))) {
            XCTAssertEqual(($0 as? Problem)?.status, .uriTooLong)
        }
    }

    func testEntityTagsMatchAsRFC9110Says() {
        let tag = EntityTag.strong(for: Array("body".utf8))
        XCTAssertEqual(tag, EntityTag.strong(for: Array("body".utf8)))
        XCTAssertNotEqual(tag, EntityTag.strong(for: Array("bodz".utf8)))
        XCTAssertEqual(tag.utf8.count, 18)
        XCTAssertTrue(EntityTag.matches(ifNoneMatch: tag, tag: tag))
        XCTAssertTrue(EntityTag.matches(ifNoneMatch: "W/\(tag)", tag: tag))
        XCTAssertTrue(EntityTag.matches(ifNoneMatch: "\"x\", \(tag)", tag: tag))
        XCTAssertTrue(EntityTag.matches(ifNoneMatch: "*", tag: tag))
        XCTAssertFalse(EntityTag.matches(ifNoneMatch: "\"x\"", tag: tag))
        XCTAssertFalse(EntityTag.matches(ifNoneMatch: "", tag: tag))
        XCTAssertFalse(EntityTag.matches(ifNoneMatch: "garbage, \"unterminated", tag: tag))
    }
}
