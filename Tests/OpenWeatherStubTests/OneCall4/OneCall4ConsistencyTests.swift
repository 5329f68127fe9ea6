import Foundation
import XCTest

@testable import OpenWeatherStub

/// The same place and time give the same values everywhere: across pages and timelines, whatever
/// "now" is for history, and as the stub's 2.5 and 3.0 current weather; units and lang as elsewhere.
final class OneCall4ConsistencyTests: XCTestCase {
    private let client = OneCall4Client()

    func testHistoryIsTheSameWhateverNowIs() throws {
        let uri = "/data/4.0/onecall/timeline/1h?lat=35.68&lon=139.69&start=1500000000&appid=k"
        var later = client
        later.now = client.now + 400 * 86_400 + 1234
        XCTAssertEqual(client.get(uri).body, later.get(uri).body)
        let dayURI = "/data/4.0/onecall/timeline/1day?lat=35.68&lon=139.69&start=1500000000&appid=k"
        let (before, after) = (try client.records(dayURI), try later.records(dayURI))
        XCTAssertEqual(NSArray(array: before), NSArray(array: after))
    }

    func testForecastPagesAgreeWhenFetchedInDifferentTimeBuckets() throws {
        var later = client
        later.now = client.now + 700  // another 10-minute bucket, same quarter hour grid ahead
        let first = try client.records("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=k")
        let second = try later.records("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=k")
        XCTAssertEqual(NSArray(array: first), NSArray(array: second))
    }

    func testQuarterHourOnTheHourEqualsTheHourlyRecord() throws {
        let hours = try client.records("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=k")
        let quarters = try client.records("/data/4.0/onecall/timeline/15min?lat=1&lon=2&appid=k")
        var compared = 0
        for quarter in quarters where (quarter["dt"] as? Int ?? 1) % 3600 == 0 {
            guard let hour = hours.first(where: { $0["dt"] as? Int == quarter["dt"] as? Int }) else { continue }
            for key in ["temp", "humidity", "pressure", "clouds", "wind_speed", "pop"] {
                XCTAssertEqual(quarter[key] as? NSNumber, hour[key] as? NSNumber, key)
            }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 5)
    }

    func testCurrentMatchesTheOtherCurrentWeatherEndpoints() throws {
        let four = try XCTUnwrap(try client.records("/data/4.0/onecall/current?lat=47.3667&lon=8.55&appid=k").first)
        let three = try XCTUnwrap(
            try client.object("/data/3.0/onecall?lat=47.3667&lon=8.55&appid=k")["current"] as? [String: Any])
        let two = try client.object("/data/2.5/weather?lat=47.3667&lon=8.55&appid=k")
        for key in [
            "temp", "feels_like", "pressure", "humidity", "clouds", "wind_speed", "wind_deg", "uvi", "visibility",
        ] {
            XCTAssertEqual(four[key] as? NSNumber, three[key] as? NSNumber, key)
        }
        XCTAssertEqual(four["temp"] as? NSNumber, (two["main"] as? [String: Any])?["temp"] as? NSNumber)
        XCTAssertEqual(four["sunrise"] as? Int, (two["sys"] as? [String: Any])?["sunrise"] as? Int)
    }

    func testUnitsConvertTemperaturesAndSpeedsOnly() throws {
        func first(_ path: String, _ extra: String) throws -> [String: Any] {
            try XCTUnwrap(try client.records("/data/4.0/onecall/\(path)?lat=1&lon=2&appid=k\(extra)").first)
        }
        for path in ["current", "timeline/15min", "timeline/1h"] {
            let kelvin = try first(path, "")
            let metric = try first(path, "&units=metric")
            let imperial = try first(path, "&units=imperial")
            let k = try XCTUnwrap(kelvin["temp"] as? Double)
            XCTAssertEqual(try XCTUnwrap(metric["temp"] as? Double), k - 273.15, accuracy: 0.011, path)
            XCTAssertEqual(try XCTUnwrap(imperial["temp"] as? Double), (k - 273.15) * 1.8 + 32, accuracy: 0.02, path)
            let speed = try XCTUnwrap((kelvin["wind_speed"] as? NSNumber)?.doubleValue)
            XCTAssertEqual(try XCTUnwrap((metric["wind_speed"] as? NSNumber)?.doubleValue), speed, accuracy: 0.001)
            XCTAssertEqual(
                try XCTUnwrap((imperial["wind_speed"] as? NSNumber)?.doubleValue), speed * 2.23694, accuracy: 0.02)
            XCTAssertEqual(metric["pressure"] as? Int, kelvin["pressure"] as? Int, "hPa in every unit system")
        }
        let day = try first("timeline/1day", "")
        let dayMetric = try first("timeline/1day", "&units=metric")
        let (dayK, dayC) = (day["temp"] as? [String: Any], dayMetric["temp"] as? [String: Any])
        XCTAssertEqual(
            try XCTUnwrap(dayC?["max"] as? Double), try XCTUnwrap(dayK?["max"] as? Double) - 273.15, accuracy: 0.011)
    }

    func testLangTranslatesOnlyTheDescription() throws {
        let english = try client.records("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=k")
        let german = try client.records("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=k&lang=de")
        let pairs = zip(english, german).map {
            (($0.0["weather"] as? [[String: Any]])?.first, ($0.1["weather"] as? [[String: Any]])?.first)
        }
        XCTAssert(pairs.contains { $0.0?["description"] as? String != $0.1?["description"] as? String })
        for (en, de) in pairs {
            XCTAssertEqual(en?["main"] as? String, de?["main"] as? String, "main stays English")
            XCTAssertEqual(en?["id"] as? Int, de?["id"] as? Int)
        }
        XCTAssertEqual(english.first?["temp"] as? Double, german.first?["temp"] as? Double)
    }
}
