import XCTest

@testable import WeatherCore

/// RFC 8259 strictness: what the reader accepts and what it rejects (with a typed error).
final class JSONReaderSyntaxTests: XCTestCase {
    func testAcceptsValidDocuments() throws {
        let valid = [
            "{}", "[]", " \t\r\n{ \"a\" : [ 1 , -2.5e+3 , true , false , null , \"x\" ] } \n", "0", "-0", "\"\"",
            "[[[[]]]]", "{\"a\":{\"b\":{}}}", "1E5", "1e-5", "0.5", "\"\\u00e9\\uD83D\\uDE00\"",
        ]
        for text in valid {
            XCTAssertNoThrow(try JSONDocument.decode(Array(text.utf8), as: AnyJSON.self), text)
        }
    }

    func testRejectsMalformedDocuments() {
        let invalid = [
            "", " ", "{", "}", "[", "[1,]", "{\"a\":1,}", "[,1]", "{,}", "{\"a\" 1}", "{\"a\":}", "{a:1}",
            "{'a':1}", "01", "-01", "00", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "NaN", "Infinity", "tru",
            "nul", "True", "[1 2]", "{\"a\":1 \"b\":2}", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\uZZZZ\"",
            "\"a\tb\"", "\"a\nb\"", "\"\u{1}\"", "[1]]", "{} {}", "1 2", "[1]x", "\u{feff}{}", "\u{0}",
            "\"\\uD800\"", "\"\\uDC00\"", "\"\\uD800\\u0041\"", "\"\\uD800x\"", "[\"a\",]", "{\"a\":[1,2,]}",
        ]
        for text in invalid {
            assertDecodingFails(text, as: AnyJSON.self)
        }
    }

    func testRejectsInvalidUTF8() {
        let cases: [[UInt8]] = [
            [0x22, 0xFF, 0x22], [0x22, 0xC0, 0x80, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xE0, 0x80, 0x80, 0x22],
            [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xF8, 0x88, 0x80, 0x80, 0x22],
            [0x22, 0x80, 0x22], [0x22, 0xE2, 0x82], [0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D],
        ]
        for bytes in cases {
            let error = assertDecodingFails(bytes, as: AnyJSON.self)
            XCTAssertNotNil(error?.token)
        }
        // Valid multi-byte sequences pass: é, €, 😀, U+10FFFF.
        let valid: [UInt8] = [0x22, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]
        XCTAssertEqual(try JSONDocument.decode(valid, as: StringDocument.self).value, "é€😀\u{10FFFF}")
    }

    func testDeepNestingFailsWithATypedError() {
        for opener in ["[", "{\"a\":"] {
            let text = String(repeating: opener, count: 10_000)
            let error = assertDecodingFails(text, as: AnyJSON.self)
            XCTAssertTrue(error?.message.contains("deeper") ?? false, "\(String(describing: error))")
            // The model decoders hit the same limit.
            assertDecodingFails(text, as: CurrentWeather.self)
        }
        let closed = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        assertDecodingFails(closed, as: AnyJSON.self)
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        XCTAssertNoThrow(try JSONDocument.decode(Array(ok.utf8), as: AnyJSON.self))
    }

    func testOneMegabyteString() throws {
        let body = String(repeating: "abcdefgh", count: 131_072)
        let decoded = try JSONDocument.decode(Array("\"\(body)\"".utf8), as: StringDocument.self)
        XCTAssertEqual(decoded.value.utf8.count, 1_048_576)
        let unterminated = assertDecodingFails("\"\(body)", as: StringDocument.self)
        XCTAssertEqual(unterminated?.token, "end of input")
        let inObject = "{\"name\":\"\(body)é\",\"x\":1}"
        XCTAssertNoThrow(try JSONDocument.decode(Array(inObject.utf8), as: AnyJSON.self))
    }

    func testEscapesAndSurrogatePairs() throws {
        let text = #""a\"b\\c\/d\be\ff\ng\rh\ti\u0041\u00e9\u20AC\uD83D\uDE00\uDBFF\uDFFF""#
        let value = try JSONDocument.decode(Array(text.utf8), as: StringDocument.self).value
        XCTAssertEqual(value, "a\"b\\c/d\u{8}e\u{c}f\ng\rh\tiAé€😀\u{10FFFF}")
        XCTAssertEqual(try JSONDocument.decode(Array(#""\u0000""#.utf8), as: StringDocument.self).value, "\u{0}")
        XCTAssertEqual(try JSONDocument.decode(Array("\"Zürich\"".utf8), as: StringDocument.self).value, "Zürich")
    }

    func testErrorsCarryTokenAndOffset() {
        let error = assertDecodingFails("{\"a\": tru }", as: AnyJSON.self)
        XCTAssertEqual(error?.offset, 6)
        XCTAssertEqual(error?.token, "tru")
        XCTAssertEqual(error?.jsonPath, "a")
        let end = assertDecodingFails("[1, 2", as: AnyJSON.self)
        XCTAssertEqual(end?.token, "end of input")
        XCTAssertEqual(end?.offset, 5)
        let long = assertDecodingFails("[\"" + String(repeating: "x", count: 100) + "\" 1]", as: AnyJSON.self)
        XCTAssertEqual(long?.token, "1")
        let trailing = assertDecodingFails("{} x", as: AnyJSON.self)
        XCTAssertEqual(trailing?.jsonPath, "")
        XCTAssertEqual(trailing?.token, "x")
    }
}

/// The error a caller prints: one line, naming the path, the token and the offset.
final class DecodingErrorDescriptionTests: XCTestCase {
    func testDescriptionIsOneLineWithPathAndToken() {
        let text = #"{"coord":{"lon":1,"lat":2},"main":{"temp":"a\u000Ab","pressure":1,"humidity":1},"dt":1}"#
        let error = assertDecodingFails(text, as: CurrentWeather.self, path: "main.temp")
        let description = error?.description ?? ""
        XCTAssertFalse(description.contains("\n"))
        XCTAssertTrue(description.hasPrefix("decoding_failed: "), description)
        XCTAssertTrue(description.contains("at main.temp"), description)
        XCTAssertFalse(error?.isRetryable ?? true)
        let raw = assertDecodingFails("[\"a\nb\"]", as: AnyJSON.self, path: "[0]")
        XCTAssertEqual(raw?.token, "\\n")
        XCTAssertTrue(assertDecodingFails("", as: AnyJSON.self)?.description.contains("at $") ?? false)
    }
}
