import Foundation
import XCTest

/// `weather-tracker decode --kind onecall4-…`: the One Call 4.0 kinds print their model, the parsed
/// links (never the link text with its key), and name the JSON path of a bad document.
final class DecodeCommandTests: XCTestCase {
    private static let key = "cli-secret-0123456789abcdef"

    private func decode(_ kind: String, _ body: String) async throws -> CLIResult {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("decode-\(UUID().uuidString).json")
        try Data(body.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await CLIProcess.run(["decode", "--kind", kind, file.path])
    }

    private static func hourly(linkStep: String) -> String {
        #"""
        {"lat":51.5085,"lon":-0.1257,"timezone":"Europe/London","timezone_offset":3600,"data":[
         {"dt":1777449600,"temp":286.2,"feels_like":285,"pressure":1024,"humidity":63,"wind_speed":6,"wind_deg":68,
          "weather":[{"id":801,"main":"Clouds","description":"few clouds","icon":"02d"}],"alerts":["A:1"]}],
         "next":"https://api.openweathermap.org/data/4.0/onecall/timeline/\#(linkStep)?lat=51.5085&lon=-0.1257&start=1777521600&appid=\#(key)"}
        """#
    }

    func testEveryOneCall4KindDecodesAndNoLinkTextIsPrinted() async throws {
        let hour = try await decode("onecall4-1h", Self.hourly(linkStep: "1h"))
        XCTAssertEqual(hour.status, 0, hour.stderr)
        XCTAssertTrue(hour.stdout.contains("\"records\""), hour.stdout)
        XCTAssertTrue(hour.stdout.contains("2026-04-30T04:00:00Z"), "the next page's start: \(hour.stdout)")
        XCTAssertTrue(hour.stdout.contains("\"A:1\""))
        XCTAssertFalse(hour.stdout.contains(Self.key))
        XCTAssertFalse(hour.stdout.contains("appid"))

        let quarter = try await decode("onecall4-15min", Self.hourly(linkStep: "1h"))
        XCTAssertEqual(quarter.status, 0, quarter.stderr)
        XCTAssertFalse(quarter.stdout.contains("2026-04-30T04:00:00Z"), "a 1h link is not a 15-minute page's own")

        let current = try await decode(
            "onecall4-current",
            #"{"lat":1,"lon":2,"timezone":"UTC","timezone_offset":0,"data":[{"dt":1,"temp":280,"feels_like":279,"pressure":1000,"humidity":50,"wind_speed":1,"wind_deg":2,"weather":[]}]}"#
        )
        XCTAssertEqual(current.status, 0, current.stderr)
        let minute = try await decode(
            "onecall4-1min", #"{"lat":1,"lon":2,"timezone":"UTC","timezone_offset":0,"data":[{"dt":60,"precipitation":0.5}]}"#)
        XCTAssertEqual(minute.status, 0, minute.stderr)
        let day = try await decode(
            "onecall4-1day",
            #"{"lat":1,"lon":2,"data":[{"dt":1,"temp":{"day":280},"pressure":1000,"humidity":50,"weather":null,"rain":{"1h":2}}]}"#)
        XCTAssertEqual(day.status, 0, day.stderr)
        let alert = try await decode(
            "onecall4-alert",
            #"{"id":"x","sender_name":"S","event":"","start":1,"end":2,"description":[{"language":"en-GB","description":"Heat"}],"tags":["Extreme high temperature"]}"#
        )
        XCTAssertEqual(alert.status, 0, alert.stderr)
        XCTAssertTrue(alert.stdout.contains("Extreme high temperature"))
    }

    func testABadPageNamesTheJSONPath() async throws {
        let bad = try await decode(
            "onecall4-1h", #"{"lat":1,"lon":2,"data":[{"dt":1,"temp":2,"pressure":3,"humidity":4},{"dt":"x"}]}"#)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("data[1].dt"), bad.stderr)
    }
}
