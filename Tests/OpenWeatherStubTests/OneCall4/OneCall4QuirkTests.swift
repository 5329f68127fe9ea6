import Foundation
import XCTest

@testable import OpenWeatherStub

/// Each ``OneCall4Quirk`` switches its variant on, and only it.
final class OneCall4QuirkTests: XCTestCase {
    private let heatPath = "/data/4.0/onecall/alert/2.49.0.0.276.0.DE.260331040000.W:Heat:0001?appid=k"

    private func client(_ quirks: OneCall4Quirk...) -> OneCall4Client {
        var client = OneCall4Client()
        client.quirks = Set(quirks)
        return client
    }

    /// Daily records over 30 days at a place with rain, so rain shapes show.
    private func days(_ client: OneCall4Client) throws -> [[String: Any]] {
        var records: [[String: Any]] = []
        for page in 0..<3 {
            let start = client.now + page * 10 * 86_400
            records += try client.records("/data/4.0/onecall/timeline/1day?lat=1&lon=2&start=\(start)&appid=k")
        }
        return records
    }

    func testDailyWeatherNull() throws {
        XCTAssert(try days(client()).allSatisfy { $0["weather"] is [Any] })
        XCTAssert(try days(client(.dailyWeatherNull)).allSatisfy { $0["weather"] is NSNull })
        XCTAssertEqual(
            try client(.dailyWeatherNull).records("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=k").first?["weather"]
                is [Any], true, "daily only")
    }

    func testDailyPrecipitationShape() throws {
        let plain = try days(client()).compactMap { $0["rain"] }
        XCTAssertFalse(plain.isEmpty)
        XCTAssert(plain.allSatisfy { $0 is NSNumber })
        let objects = try days(client(.dailyPrecipitationObject)).compactMap { $0["rain"] }
        XCTAssertEqual(objects.count, plain.count)
        XCTAssert(objects.allSatisfy { ($0 as? [String: Any])?["1h"] is NSNumber })
    }

    func testDailyWindGustAbsent() throws {
        XCTAssert(try days(client()).allSatisfy { $0["wind_gust"] != nil })
        XCTAssert(try days(client(.dailyWindGustAbsent)).allSatisfy { $0["wind_gust"] == nil })
    }

    func testQuarterHourRain() throws {
        func rainy(_ client: OneCall4Client) throws -> Int {
            var count = 0
            var start = (client.now / 900 + 1) * 900
            for _ in 0..<4 {
                let uri = "/data/4.0/onecall/timeline/15min?lat=1&lon=2&start=\(start)&appid=k"
                count += try client.records(uri).filter { $0["rain"] != nil }.count
                start += 50 * 900
            }
            return count
        }
        XCTAssertEqual(try rainy(client()), 0)
        XCTAssertGreaterThan(try rainy(client(.quarterHourRain)), 0)
    }

    func testAlertShapes() throws {
        let live = try client().object(heatPath)
        XCTAssert(live["description"] is [Any])
        XCTAssertEqual(live["event"] as? String, "")
        XCTAssertNotNil(live["tags"])
        let documented = try client(.alertDescriptionString, .alertEventFilled, .alertTagsAbsent).object(heatPath)
        XCTAssertEqual(
            documented["description"] as? String,
            "Heat warning: temperatures above 32 °C are expected in the afternoon.")
        XCTAssertEqual(documented["event"] as? String, "Heat warning")
        XCTAssertNil(documented["tags"])
    }

    func testAlertDetailTransient404() {
        var first = client(.alertDetailTransient404)
        first.alertLookup = 1
        XCTAssertEqual(first.get(heatPath).status, 404)
        XCTAssertEqual(first.get(heatPath).body, #"{"cod":404,"message":"Internal error"}"#)
        var second = first
        second.alertLookup = 2
        XCTAssertEqual(second.get(heatPath).status, 200)
        var plain = client()
        plain.alertLookup = 1
        XCTAssertEqual(plain.get(heatPath).status, 200)
    }

    func testAlertDetailTransient404IsCountedPerIDOverHTTP() async throws {
        let clock = 1_774_953_200
        try await OpenWeatherStub.withRunning(
            configuration: .init(now: { clock }, oneCall4Quirks: [.alertDetailTransient404])
        ) { stub in
            let path = "/data/4.0/onecall/alert/2.49.0.0.276.0.DE.260331040000.W%3AHeat%3A0001?appid=stub-key"
            let statuses = [
                try await stub.call(path).status,
                try await stub.call(path.replacingOccurrences(of: "%3A", with: ":")).status,
            ]
            XCTAssertEqual(statuses, [404, 200], "the id counts however it is encoded")
            stub.resetStats()
            do {
                let reply = try await stub.call(path)
                XCTAssertEqual(reply.status, 404, "a reset starts the count again")
            }
        }
    }

    func testLinksCarryUnitsAndLanguage() throws {
        let uri = "/data/4.0/onecall/timeline/1h?lat=1&lon=2&units=metric&lang=de&appid=k"
        let plain = try ParsedLink(try XCTUnwrap(try client().object(uri)["next"] as? String))
        XCTAssertEqual(plain.names, ["lat", "lon", "start", "appid"])
        let carried = try ParsedLink(
            try XCTUnwrap(try client(.linksCarryUnitsAndLanguage).object(uri)["next"] as? String))
        XCTAssertEqual(carried.names, ["lat", "lon", "start", "units", "lang", "appid"])
        XCTAssertEqual(carried.items["units"], "metric")
    }

    func testLinksNull() throws {
        let uri = "/data/4.0/onecall/timeline/15min?lat=1&lon=2&appid=k"
        let absent = try client().object(uri)
        XCTAssertFalse(absent.keys.contains("prev"))
        let null = try client(.linksNull).object(uri)
        XCTAssert(null["prev"] is NSNull)
        XCTAssert(null["next"] is String)
        XCTAssertFalse(
            try client(.linksNull).object("/data/4.0/onecall/current?lat=1&lon=2&appid=k").keys.contains("next"))
    }

    func testCountAboveMaximumRejected() {
        let response = client(.countAboveMaximumRejected).get(
            "/data/4.0/onecall/timeline/1h?lat=1&lon=2&cnt=21&appid=k")
        XCTAssertEqual(response.status, 400)
        XCTAssertEqual(
            response.body, #"{"cod":400,"message":"cnt must be a whole number from 1 to 20","parameters":["cnt"]}"#)
        XCTAssertEqual(client().get("/data/4.0/onecall/timeline/1h?lat=1&lon=2&cnt=21&appid=k").status, 200)
    }

    func testStartBeyondHorizonNotFound() {
        let uri =
            "/data/4.0/onecall/timeline/1day?lat=1&lon=2&start=\(OneCall4Client.defaultNow + 600 * 86_400)&appid=k"
        XCTAssertEqual(client().get(uri).status, 200)
        let response = client(.startBeyondHorizonNotFound).get(uri)
        XCTAssertEqual(response.status, 404)
        XCTAssert(response.body.contains(#""cod":404"#))
    }

    func testEveryQuirkHasATestAndAName() {
        XCTAssertEqual(OneCall4Quirk.allCases.count, 12)
        XCTAssertEqual(Set(OneCall4Quirk.allCases.map(\.rawValue)).count, 12)
    }
}
