import WeatherCore
import XCTest

final class PercentEncodingTests: XCTestCase {
    func testUnreservedCharactersAreKept() {
        let unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        XCTAssertEqual(PercentEncoding.encode(unreserved), unreserved)
    }

    func testEverythingElseIsEncodedAsUTF8() {
        XCTAssertEqual(PercentEncoding.encode("Zürich"), "Z%C3%BCrich")
        XCTAssertEqual(PercentEncoding.encode("New York"), "New%20York")
        XCTAssertEqual(PercentEncoding.encode("a&b=c+d,e/f?g#h%"), "a%26b%3Dc%2Bd%2Ce%2Ff%3Fg%23h%25")
        XCTAssertEqual(PercentEncoding.encode("東京"), "%E6%9D%B1%E4%BA%AC")
        XCTAssertEqual(PercentEncoding.encode("🌧"), "%F0%9F%8C%A7")
        XCTAssertEqual(PercentEncoding.encode(""), "")
    }

    func testQueryItemsKeepTheirSeparatorsLiteral() {
        XCTAssertEqual(QueryItem(name: "q", commaSeparated: ["Zürich", "CH"]).description, "q=Z%C3%BCrich,CH")
        XCTAssertEqual(QueryItem(name: "q", commaSeparated: ["Paris, Texas"]).description, "q=Paris%2C%20Texas")
        XCTAssertEqual(QueryItem(name: "lang", value: "zh_cn").description, "lang=zh_cn")
    }

    func testStrictDecodingRefusesMalformedSequencesAndInvalidUTF8() {
        XCTAssertEqual(PercentEncoding.strictDecode("Bearer%20tok%2Cen"), "Bearer tok,en")
        XCTAssertEqual(PercentEncoding.strictDecode("Z%C3%BCrich"), "Zürich")
        XCTAssertEqual(PercentEncoding.strictDecode("plain"), "plain")
        for malformed in ["%", "%2", "%zz", "a%2x", "%C3"] {
            XCTAssertNil(PercentEncoding.strictDecode(malformed), malformed)
        }
    }
}
