import Foundation
import WeatherCore
import WeatherTesting
import XCTest

final class OpenWeatherErrorBodyTests: XCTestCase {
    private func parse(_ text: String) -> OpenWeatherErrorBody? { OpenWeatherErrorBody(bytes: Array(text.utf8)) }

    func testEveryErrorFixtureParses() throws {
        let expected: [(String, Int, String)] = [
            ("400-nothing-to-geocode.json", 400, "Nothing to geocode"),
            ("400-wrong-latitude.json", 400, "wrong latitude"),
            ("401-invalid-key.json", 401, "Invalid API key."),
            (
                "401-onecall-subscription.json", 401,
                "Please note that using One Call 3.0 requires a separate subscription"
            ),
            ("404-city-not-found.json", 404, "city not found"),
            ("404-not-found-city-legacy.json", 404, "Error: Not found city"),
            ("429-rate-limited.json", 429, "Your account is temporary blocked"),
        ]
        for (name, cod, messageStart) in expected {
            let body = try XCTUnwrap(
                OpenWeatherErrorBody(bytes: try FixtureDirectory(bundle: .module).bytes("errors/\(name)")), name)
            XCTAssertEqual(body.cod, cod, name)
            XCTAssertTrue(body.message?.hasPrefix(messageStart) == true, body.message ?? "nil")
        }
        XCTAssertNil(
            OpenWeatherErrorBody(bytes: try FixtureDirectory(bundle: .module).bytes("errors/502-bad-gateway.html")))
    }

    func testCodFormsAndKeyOrder() {
        XCTAssertEqual(parse(#"{"cod":"404","message":"x"}"#)?.cod, 404)
        XCTAssertEqual(parse(#"{"message":"x","cod":404}"#)?.cod, 404)
        XCTAssertEqual(parse(#" { "cod" : 401.0 , "message" : "x" } "#)?.cod, 401)
        XCTAssertEqual(parse(#"{"cod":"abc","message":"x"}"#), OpenWeatherErrorBody(cod: nil, message: "x"))
        XCTAssertEqual(
            parse(#"{"cod":"200","message":0,"list":[{"a":"]}"}]}"#), OpenWeatherErrorBody(cod: 200, message: nil))
        XCTAssertNil(parse(#"{"other":1}"#))
        XCTAssertNil(parse("{}"))
    }

    func testEscapesAndSurrogatePairs() {
        let body = parse(#"{"cod":400,"message":"Z\u00fcrich \"q\" \\ \/ \ud83c\udf27 tab\tnl\n"}"#)
        XCTAssertEqual(body?.message, "Zürich \"q\" \\ / 🌧 tab\tnl\n")
        XCTAssertEqual(parse(#"{"cod":400,"message":"lone \ud800 x"}"#)?.message, "lone \u{FFFD} x")
    }

    func testMalformedInputIsNotAnErrorBodyAndNeverCrashes() {
        let deep =
            "{\"x\":" + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + ",\"cod\":401}"
        XCTAssertEqual(parse(deep)?.cod, 401, "deep nesting is skipped, not recursed into")
        let malformed = [
            "", "   ", "[]", "null", "<html>", #"{"cod":401"#, #"{"cod":401,"message":"unterminated}"#,
            #"{"cod":401}garbage"#, #"{"cod" 401}"#, #"{cod:401}"#, #"{"cod":401,}"#, #"{"message":"bad \q escape"}"#,
            #"{"message":"\u12"}"#, "{\"message\":\"raw\ncontrol\"}", "{\"x\":" + String(repeating: "[", count: 10_000),
        ]
        for text in malformed {
            XCTAssertNil(parse(text), text.prefix(40).description)
        }
        XCTAssertNil(OpenWeatherErrorBody(bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x22]), "invalid UTF-8 key is not cod")
        let big = "{\"message\":\"" + String(repeating: "a", count: 1_000_000) + "\",\"cod\":500}"
        XCTAssertEqual(parse(big)?.cod, 500)
    }
}
