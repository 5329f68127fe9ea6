import Foundation
import XCTest

@testable import OpenWeatherStub

/// Each One Call 4.0 endpoint's envelope and record fields, as the spec documents them.
final class OneCall4ShapeTests: XCTestCase {
    private let client = OneCall4Client()
    private let london = "lat=51.5085&lon=-0.1257&appid=k"

    private func assertEnvelope(_ json: [String: Any], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(json["lat"] as? Double, 51.5085, file: file, line: line)
        XCTAssertEqual(json["lon"] as? Double, -0.1257, file: file, line: line)
        XCTAssertEqual(json["timezone"] as? String, "Europe/London", file: file, line: line)
        XCTAssertEqual(json["timezone_offset"] as? Int, 3600, "BST at the end of March", file: file, line: line)
    }

    func testCurrentHasOneRecordWithTheDocumentedFields() throws {
        let json = try client.object("/data/4.0/onecall/current?\(london)")
        assertEnvelope(json)
        XCTAssertNil(json["next"])
        XCTAssertNil(json["prev"])
        let data = try XCTUnwrap(json["data"] as? [[String: Any]])
        XCTAssertEqual(data.count, 1)
        let record = data[0]
        XCTAssertEqual(record["dt"] as? Int, client.now, "not aligned: the time of the data")
        for key in [
            "sunrise", "sunset", "temp", "feels_like", "pressure", "humidity", "dew_point", "uvi", "clouds",
            "visibility", "wind_speed", "wind_deg", "wind_gust", "weather",
        ] {
            XCTAssertNotNil(record[key], key)
        }
        XCTAssertNil(record["pop"], "current has no pop")
        let weather = try XCTUnwrap((record["weather"] as? [[String: Any]])?.first)
        XCTAssertNotNil(weather["id"] as? Int)
        XCTAssertNotNil(weather["icon"] as? String)
    }

    func testCoordinatesAreEchoedRoundedToFourDecimals() throws {
        let json = try client.object("/data/4.0/onecall/current?lat=10.123456&lon=-20.987654&appid=k")
        XCTAssertEqual(json["lat"] as? Double, 10.1235)
        XCTAssertEqual(json["lon"] as? Double, -20.9877)
    }

    func testMinutelyHasSixtyWholeMinutesOfTheNextHour() throws {
        let json = try client.object("/data/4.0/onecall/timeline/1min?\(london)")
        assertEnvelope(json)
        XCTAssertNil(json["next"])
        let data = try XCTUnwrap(json["data"] as? [[String: Any]])
        XCTAssertEqual(data.count, 60)
        let times = data.compactMap { $0["dt"] as? Int }
        XCTAssertEqual(times.first, (client.now / 60 + 1) * 60)
        XCTAssertEqual(zip(times, times.dropFirst()).map { $1 - $0 }, Array(repeating: 60, count: 59))
        XCTAssert(data.allSatisfy { $0["precipitation"] is NSNumber && $0.count <= 3 })
    }

    func testQuarterHourRecordsAreAlignedWithPopAndNoRain() throws {
        let json = try client.object("/data/4.0/onecall/timeline/15min?lat=1&lon=2&appid=k")
        let data = try XCTUnwrap(json["data"] as? [[String: Any]])
        XCTAssertEqual(data.count, 50)
        XCTAssertEqual(data.first?["dt"] as? Int, (client.now / 900 + 1) * 900, "the next quarter hour")
        for record in data {
            XCTAssertEqual((record["dt"] as? Int ?? 1) % 900, 0)
            XCTAssertNotNil(record["pop"])
            XCTAssertNil(record["rain"], "15-minute records carry no rain by default, as observed live")
            XCTAssertNotNil(record["weather"] as? [[String: Any]])
        }
        XCTAssertNotNil(json["next"] as? String)
        XCTAssertNil(json["prev"], "the first page has no prev")
    }

    func testHourlyRecordsStartAtTheCurrentHourWithRainWhenItRains() throws {
        var rainy = 0
        var json = try client.object("/data/4.0/onecall/timeline/1h?lat=1&lon=2&appid=k")
        XCTAssertEqual((json["data"] as? [[String: Any]])?.first?["dt"] as? Int, client.now / 3600 * 3600)
        for _ in 0..<3 {
            let data = try XCTUnwrap(json["data"] as? [[String: Any]])
            for record in data {
                XCTAssertEqual((record["dt"] as? Int ?? 1) % 3600, 0)
                XCTAssertNotNil(record["pop"])
                if let rain = record["rain"] as? [String: Any] {
                    rainy += 1
                    XCTAssertNotNil(rain["1h"] as? NSNumber)
                    XCTAssertEqual(((record["weather"] as? [[String: Any]])?.first?["main"]) as? String, "Rain")
                }
            }
            guard let next = json["next"] as? String else { break }
            json = try client.object(try ParsedLink(next).uri(droppingBase: client.linkBase))
        }
        XCTAssertGreaterThan(rainy, 0, "48 hours of synthetic weather hold some rain")
    }

    func testDailyRecordsAreAtLocalNoonWithObjectsForTemperatures() throws {
        let json = try client.object("/data/4.0/onecall/timeline/1day?\(london)")
        assertEnvelope(json)
        let data = try XCTUnwrap(json["data"] as? [[String: Any]])
        XCTAssertEqual(data.count, 10)
        for record in data {
            let dt = try XCTUnwrap(record["dt"] as? Int)
            XCTAssertEqual((dt + 3600) % 86_400, 43_200, "12:00 BST is 11:00 UTC")
            let temp = try XCTUnwrap(record["temp"] as? [String: Any])
            XCTAssertEqual(Set(temp.keys), ["day", "min", "max", "night", "eve", "morn"])
            let feels = try XCTUnwrap(record["feels_like"] as? [String: Any])
            XCTAssertEqual(Set(feels.keys), ["day", "night", "eve", "morn"])
            for key in ["sunrise", "sunset", "moonrise", "moonset", "moon_phase", "wind_gust", "uvi", "pop", "weather"]
            {
                XCTAssertNotNil(record[key], key)
            }
            XCTAssertNil(record["summary"], "4.0 documents no summary")
            if let rain = record["rain"] { XCTAssert(rain is NSNumber, "daily rain is a plain number by default") }
        }
        XCTAssertEqual(data.first?["dt"] as? Int, 1_774_954_800, "today, 2026-03-31 11:00 UTC")
    }

    func testDailyNoonFollowsDaylightSavingTime() throws {
        // London moved to BST on 2026-03-29: noon is 12:00 UTC before, 11:00 UTC after.
        let data = try client.records("/data/4.0/onecall/timeline/1day?\(london)&start=1774440000")  // 03-25
        let times = data.compactMap { $0["dt"] as? Int }
        XCTAssertEqual(times.first, 1_774_440_000)
        XCTAssertEqual(zip(times, times.dropFirst()).map { $1 - $0 }.filter { $0 != 86_400 }, [82_800])
    }

    func testPolarNightOmitsSunriseAndSunset() throws {
        let record = try XCTUnwrap(try client.records("/data/4.0/onecall/current?lat=78.2&lon=15.6&appid=k").first)
        var winter = client
        winter.now = 1_766_318_400  // 2025-12-21
        let polar = try XCTUnwrap(try winter.records("/data/4.0/onecall/current?lat=78.2&lon=15.6&appid=k").first)
        XCTAssertNotNil(record["temp"])
        XCTAssertNil(polar["sunrise"])
        XCTAssertNil(polar["sunset"])
    }
}
