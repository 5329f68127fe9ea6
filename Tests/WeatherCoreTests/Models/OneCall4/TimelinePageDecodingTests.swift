import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

/// Every One Call 4.0 document kind, from the specification's examples and generated full pages.
final class TimelinePageDecodingTests: XCTestCase {
    private let fixtures = { try! FixtureDirectory(bundle: .module) }()

    func testEveryFixtureOfEveryKindDecodes() throws {
        let pageSizes = ["onecall4-1min": 60, "onecall4-15min": 50, "onecall4-1h": 20, "onecall4-1day": 10]
        for fixture in try fixtures.all(in: "onecall4-current") {
            let page = try OneCall4Current(jsonBytes: fixture.bytes)
            XCTAssertEqual(page.records.count, 1, fixture.path)
            XCTAssertEqual(page.observedAt, page.current?.time, fixture.path)
            XCTAssertNil(page.next, fixture.path)
        }
        func check<R: TimelineRecord>(_ folder: String, _ type: R.Type) throws {
            for fixture in try fixtures.all(in: folder) {
                let page = try TimelinePage<R>(jsonBytes: fixture.bytes)
                XCTAssertFalse(page.records.isEmpty, fixture.path)
                XCTAssertNil(page.observedAt, fixture.path)
                XCTAssertFalse(page.timeZoneIdentifier.isEmpty, fixture.path)
                if !fixture.name.hasPrefix("spec") {
                    XCTAssertEqual(page.records.count, pageSizes[folder], fixture.path)
                }
                XCTAssertEqual(page.records.map(\.time), page.records.map(\.time).sorted(), fixture.path)
            }
        }
        try check("onecall4-1min", MinutelyPrecipitation.self)
        try check("onecall4-15min", HourlyForecast.self)
        try check("onecall4-1h", HourlyForecast.self)
        try check("onecall4-1day", DailyForecast.self)
    }

    func testCurrentSpecExample() throws {
        let page = try OneCall4Current(jsonBytes: fixtures.bytes("onecall4-current/spec-example.json"))
        XCTAssertEqual(page.coordinates, Coordinates(uncheckedLatitude: 51.5085, longitude: -0.1257))
        XCTAssertEqual(page.timeZoneIdentifier, "Europe/London")
        XCTAssertEqual(page.utcOffsetSeconds, 3600)
        let now = try XCTUnwrap(page.current)
        XCTAssertEqual(now.time, Date(timeIntervalSince1970: 1_777_451_900))
        XCTAssertEqual(now.sunrise, Date(timeIntervalSince1970: 1_777_437_375))
        XCTAssertEqual(now.temperature.kelvin, 13.84)
        XCTAssertEqual(now.pressure.hectopascals, 1024)
        XCTAssertEqual(now.visibility?.meters, 10000)
        XCTAssertEqual(now.wind.gust?.metersPerSecond, 9.26)
        XCTAssertEqual(now.conditions.first?.id, 801)
        XCTAssertNil(now.rain)
        XCTAssertEqual(now.alertIDs, ["8B46C632-DCA7-44D7-8BDF-02445621BAFF"])
        XCTAssertEqual(page.alertIDs, ["8B46C632-DCA7-44D7-8BDF-02445621BAFF"])
        XCTAssertEqual(page.localTime(of: now.time).hour, 9)  // 08:38:20Z is 09:38 BST
    }

    func testMinuteSpecExampleKeepsAlertsPerRecord() throws {
        let page = try TimelinePage<MinutelyPrecipitation>(
            jsonBytes: fixtures.bytes("onecall4-1min/spec-example.json"))
        XCTAssertEqual(page.records.count, 3)
        XCTAssertEqual(page.records[1].precipitation.millimeters, 0.12)
        XCTAssertEqual(page.records[0].alertIDs, ["8B46C632-DCA7-44D7-8BDF-02445621BAFF"])
        XCTAssertNil(page.records[1].alertIDs)
        XCTAssertNil(page.next)
        XCTAssertNil(page.previous)
    }

    func testQuarterHourSpecExample() throws {
        let page = try TimelinePage<HourlyForecast>(jsonBytes: fixtures.bytes("onecall4-15min/spec-example.json"))
        XCTAssertEqual(page.records.count, 2)
        XCTAssertNil(page.records[0].rain, "15-minute records carry no rain")
        XCTAssertNil(page.records[0].wind.gust)
        XCTAssertEqual(page.records[1].wind.gust?.metersPerSecond, 11.2)
        XCTAssertEqual(page.records[0].precipitationProbability, 0)
        XCTAssertEqual(page.next, TimelineLink(step: .quarterHour, start: Date(timeIntervalSince1970: 1_777_497_300)))
        XCTAssertNil(page.previous)
        XCTAssertEqual(page.alertIDs, [])
    }

    func testHourSpecExample() throws {
        let page = try TimelinePage<HourlyForecast>(jsonBytes: fixtures.bytes("onecall4-1h/spec-example.json"))
        XCTAssertEqual(page.records[1].rain?.lastHour?.millimeters, 0.21)
        XCTAssertEqual(page.records[0].precipitationProbability, 0.05)
        XCTAssertEqual(page.previousStart, Date(timeIntervalSince1970: 1_777_377_600))
        XCTAssertEqual(page.nextStart, Date(timeIntervalSince1970: 1_777_521_600))
        XCTAssertEqual(page.next?.step, .hour)
    }

    func testDaySpecExample() throws {
        let page = try TimelinePage<DailyForecast>(jsonBytes: fixtures.bytes("onecall4-1day/spec-example.json"))
        let first = page.records[0]
        XCTAssertEqual(first.temperature.max?.kelvin, 16.9)
        XCTAssertEqual(first.feelsLike.morning?.kelvin, 6.74)
        XCTAssertEqual(first.moonPhase, 0.43)
        XCTAssertEqual(first.alertIDs, ["8B46C632-DCA7-44D7-8BDF-02445621BAFF"])
        XCTAssertNil(first.rain)
        XCTAssertEqual(page.records[1].rain?.millimeters, 7.4)
        XCTAssertEqual(page.next, TimelineLink(step: .day, start: Date(timeIntervalSince1970: 1_778_324_400), count: 10))
        XCTAssertEqual(page.previous?.count, 10)
    }

    func testDailyVariants() throws {
        func day(_ extra: String) throws -> DailyForecast {
            let json = #"""
                {"lat":1,"lon":2,"timezone":"UTC","timezone_offset":0,"data":[{"dt":1777460400,
                "temp":{"day":280},"feels_like":{"day":279},"pressure":1000,"humidity":50,"wind_speed":3,"wind_deg":10\#(extra)}]}
                """#
            return try XCTUnwrap(TimelinePage<DailyForecast>(jsonBytes: Array(json.utf8)).records.first)
        }
        XCTAssertEqual(try day(#","weather":null"#).conditions, [])
        XCTAssertEqual(try day(#","rain":7.4"#).rain?.millimeters, 7.4)
        XCTAssertEqual(try day(#","rain":{"1h":3.5}"#).rain?.millimeters, 3.5)
        XCTAssertEqual(try day(#","snow":{"1h":0.5},"rain":null"#).snow?.millimeters, 0.5)
        let plain = try day("")
        XCTAssertNil(plain.wind.gust, "wind_gust absent")
        XCTAssertNil(plain.sunrise, "polar: no sunrise")
        XCTAssertNil(plain.sunset)
        XCTAssertNil(plain.rain)
        XCTAssertNil(plain.precipitationProbability)
        XCTAssertNil(plain.cloudiness)
        XCTAssertNil(plain.alertIDs)
        XCTAssertEqual(try day(#","alerts":[]"#).alertIDs, nil, "an empty list is no alert")
    }

    func testHourlyVariantsOnOldHoursAndPolarCurrent() throws {
        let old = #"""
            {"lat":1,"lon":2,"timezone":"UTC","timezone_offset":0,"data":[
            {"dt":315532800,"temp":270.1,"feels_like":265,"pressure":1012,"humidity":80,"wind_speed":2,"wind_deg":90,
             "weather":[{"id":800,"main":"Clear","description":"clear sky","icon":"01n"}]}]}
            """#
        let hour = try XCTUnwrap(TimelinePage<HourlyForecast>(jsonBytes: Array(old.utf8)).records.first)
        XCTAssertNil(hour.visibility)
        XCTAssertNil(hour.precipitationProbability)
        XCTAssertNil(hour.rain)
        XCTAssertNil(hour.uvIndex)
        XCTAssertNil(hour.dewPoint)

        let polar = #"""
            {"lat":78.2,"lon":15.6,"timezone":"Arctic/Longyearbyen","timezone_offset":7200,"data":[
            {"dt":1777451900,"temp":260,"feels_like":255,"pressure":1012,"humidity":80,"wind_speed":2,"wind_deg":90,
             "weather":null}]}
            """#
        let now = try XCTUnwrap(OneCall4Current(jsonBytes: Array(polar.utf8)).current)
        XCTAssertNil(now.sunrise)
        XCTAssertNil(now.sunset)
        XCTAssertEqual(now.conditions, [])
    }

    func testUnknownMembersAndNullDataAreTolerated() throws {
        let json = #"""
            {"x":{"deep":[1,2,{"y":null}]},"lat":1,"lon":2,"timezone":"UTC","timezone_offset":0,"data":null,
             "prev":null,"future":"field"}
            """#
        let page = try TimelinePage<HourlyForecast>(jsonBytes: Array(json.utf8))
        XCTAssertEqual(page.records, [])
        XCTAssertNil(page.previous)
    }

    func testCorruptionsNameTheJSONPath() throws {
        var hours = try String(decoding: fixtures.bytes("onecall4-1h/0000.json"), as: UTF8.self)
        // Make the fourth record's temperature a string.
        let records = hours.ranges(of: #""temp":"#)
        let fourth = records[3]
        hours.replaceSubrange(fourth, with: #""temp":"warm","was":"#)
        assertDecodingFails(hours, as: TimelinePageReader<HourlyForecast>.self, path: "data[3].temp")

        assertDecodingFails(
            #"{"lat":1,"lon":2,"timezone":"UTC","timezone_offset":0,"data":[{"dt":1,"precipitation":0},{"precipitation":1}]}"#,
            as: TimelinePageReader<MinutelyPrecipitation>.self, path: "data[1].dt")
        assertDecodingFails(
            #"{"lat":1,"lon":2,"timezone":"UTC","timezone_offset":0}"#, as: TimelinePageReader<DailyForecast>.self,
            path: "data")
        assertDecodingFails(
            #"{"lon":2,"data":[]}"#, as: TimelinePageReader<DailyForecast>.self, path: "lat")
        assertDecodingFails(
            #"{"lat":1,"lon":2,"data":[{"dt":1,"temp":{"min":1},"pressure":1,"humidity":1}]}"#,
            as: TimelinePageReader<DailyForecast>.self, path: "data[0].temp.day")
        assertDecodingFails(
            #"{"lat":1,"lon":2,"data":[{"dt":1,"temp":{"day":1},"pressure":1,"humidity":1,"rain":"lots"}]}"#,
            as: TimelinePageReader<DailyForecast>.self, path: "data[0].rain")
        assertDecodingFails(
            #"{"lat":1,"lon":2,"data":[{"dt":1,"precipitation":0,"alerts":[7]}]}"#,
            as: TimelinePageReader<MinutelyPrecipitation>.self, path: "data[0].alerts[0]")
        let error = try XCTUnwrap(
            assertDecodingFails(#"{"lat":1,"lon":2,"data":[{"dt":1,"temp":2,"pressure":3}]}"#,
                as: TimelinePageReader<WeatherSnapshot>.self))
        XCTAssertEqual(error.jsonPath, "data[0].humidity")
        XCTAssertTrue(error.message.contains("humidity"), error.message)
    }

    func testEncodingLeavesNoLinkTextAndOmitsAbsentAlerts() throws {
        let page = try TimelinePage<DailyForecast>(jsonBytes: fixtures.bytes("onecall4-1day/spec-example.json"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(page), as: UTF8.self)
        XCTAssertFalse(text.contains("appid"))
        XCTAssertFalse(text.contains("KEY"))
        let second = String(decoding: try encoder.encode(page.records[1]), as: UTF8.self)
        XCTAssertFalse(second.contains("alertIDs"), "a record without alerts encodes as in One Call 3.0")
    }
}

extension TimelinePageDecodingTests {
    func testPagesAssembleIntoTheOneCallModel() throws {
        let current = try OneCall4Current(jsonBytes: fixtures.bytes("onecall4-current/spec-example.json"))
        let hours = try TimelinePage<HourlyForecast>(jsonBytes: fixtures.bytes("onecall4-1h/spec-example.json"))
        let days = try TimelinePage<DailyForecast>(jsonBytes: fixtures.bytes("onecall4-1day/spec-example.json"))
        let alert = try WeatherAlert(jsonBytes: fixtures.bytes("onecall4-alert/spec-example-a.json"))
        let combined = OneCall(current: current, hourly: hours.records, daily: days.records, alerts: [alert])
        XCTAssertEqual(combined.coordinates, current.coordinates)
        XCTAssertEqual(combined.timeZoneIdentifier, "Europe/London")
        XCTAssertEqual(combined.current, current.current)
        XCTAssertEqual(combined.observedAt, current.observedAt)
        XCTAssertEqual(combined.hourly.count, 2)
        XCTAssertEqual(combined.daily.count, 2)
        XCTAssertEqual(combined.alerts?.first?.event, "Heat Advisory")
        XCTAssertNil(OneCall(current: current, alerts: []).alerts, "no alert is nil, as in 3.0")
    }
}
