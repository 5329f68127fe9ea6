import Foundation
import WeatherCore
import XCTest

final class WeatherEventEvaluationTests: XCTestCase {
    private typealias D = EventTestData

    func testMissingDataIsUnknownNotFalse() throws {
        let nothing = WeatherConditions(observedAt: D.t0)
        let rules: [WeatherEventRule] = [
            .alert, try .precipitation(mmPerHour: 0.5, minutes: 60), try .temperature(below: 0, hours: 6),
            .airQuality(atLeast: .moderate),
        ]
        for rule in rules {
            XCTAssertNil(rule.isMet(by: nothing), "\(rule)")
        }
        // Empty series are unknown too; an empty alert list is known: no alerts.
        let empty = WeatherConditions(observedAt: D.t0, precipitation: [], temperatures: [], alerts: [])
        XCTAssertNil(try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 60).isMet(by: empty))
        XCTAssertNil(try WeatherEventRule.temperature(above: 30, hours: 6).isMet(by: empty))
        XCTAssertEqual(WeatherEventRule.alert.isMet(by: empty), false)
    }

    func testAMissThatTheSeriesDoesNotCoverIsUnknown() throws {
        let dry = D.rain(atMinute: 0, Array(repeating: 0, count: 60))
        XCTAssertEqual(try WeatherEventRule.precipitation(mmPerHour: 0.1, minutes: 60).isMet(by: dry), false)
        // 90 minutes asked, 60 known and dry: it may rain after the hour.
        XCTAssertNil(try WeatherEventRule.precipitation(mmPerHour: 0.1, minutes: 90).isMet(by: dry))
        // A hit inside the known part is known whatever comes after.
        let wet = D.rain(atMinute: 0, Array(repeating: 0, count: 30) + [2] + Array(repeating: 0, count: 29))
        XCTAssertEqual(try WeatherEventRule.precipitation(mmPerHour: 0.1, minutes: 90).isMet(by: wet), true)
    }

    func testPrecipitationCountsOnlyInsideTheWindow() throws {
        // Rain of 1 mm/h at minute 40 only.
        let conditions = D.rain(atMinute: 0, Array(repeating: 0, count: 40) + [1] + Array(repeating: 0, count: 19))
        let within = try WeatherEventRule.precipitation(mmPerHour: 1, minutes: 41).evaluate(conditions)
        XCTAssertEqual(within?.isMet, true)
        XCTAssertEqual(within?.detail.precipitation?.start, D.at(minutes: 40))
        XCTAssertEqual(within?.detail.precipitation?.millimetersPerHour, 1)
        XCTAssertEqual(try WeatherEventRule.precipitation(mmPerHour: 1, minutes: 40).isMet(by: conditions), false)
        XCTAssertEqual(try WeatherEventRule.precipitation(mmPerHour: 1.01, minutes: 60).isMet(by: conditions), false)
        let miss = try WeatherEventRule.precipitation(mmPerHour: 1.01, minutes: 60).evaluate(conditions)
        XCTAssertEqual(miss?.detail.precipitation?.millimetersPerHour, 1, "the nearest miss is reported")
    }

    func testTemperatureBelowAndAboveWithinTheWindowAndOutsideIt() throws {
        // 5 °C now, falling to -6 °C in the fourth hour, then 31 °C in the tenth.
        var celsius = [5.0, 2, -1, -6, -3, 0, 10, 20, 28, 31, 25, 20]
        celsius += Array(repeating: 15, count: 36)
        let conditions = WeatherConditions(
            observedAt: D.t0.addingTimeInterval(600), temperatures: D.hours(from: D.t0, celsius: celsius))
        let frost = try WeatherEventRule.temperature(below: -5, hours: 12).evaluate(conditions)
        XCTAssertEqual(frost?.isMet, true)
        XCTAssertEqual(frost?.detail.temperature?.start, D.t0.addingTimeInterval(3 * 3600))
        XCTAssertEqual(try XCTUnwrap(frost?.detail.temperature?.temperature.celsius), -6, accuracy: 1e-9)
        // The hour at -6 °C begins 2 h 50 min after the observation: a 2-hour window misses it.
        let early = try WeatherEventRule.temperature(below: -5, hours: 2).evaluate(conditions)
        XCTAssertEqual(early?.isMet, false)
        XCTAssertEqual(try XCTUnwrap(early?.detail.temperature?.temperature.celsius), -1, accuracy: 1e-9)
        XCTAssertEqual(
            try WeatherEventRule.temperature(below: -6, hours: 47).isMet(by: conditions), false, "strictly below")
        // 31 °C begins 8 h 50 min after the observation: inside 9 hours, outside 8.
        XCTAssertEqual(try WeatherEventRule.temperature(above: 30, hours: 9).isMet(by: conditions), true)
        XCTAssertEqual(try WeatherEventRule.temperature(above: 30, hours: 8).isMet(by: conditions), false)
        // 48 hours asked from 10 minutes past the first hour: the series ends 10 minutes short.
        XCTAssertNil(try WeatherEventRule.temperature(above: 40, hours: 48).isMet(by: conditions))
    }

    func testAirQualityReachesTheIndex() throws {
        let poor = WeatherConditions(observedAt: D.t0, airQuality: AirQualitySample(time: D.t0, index: .poor))
        XCTAssertEqual(WeatherEventRule.airQuality(atLeast: .poor).isMet(by: poor), true)
        XCTAssertEqual(WeatherEventRule.airQuality(atLeast: .moderate).isMet(by: poor), true)
        XCTAssertEqual(WeatherEventRule.airQuality(atLeast: .veryPoor).isMet(by: poor), false)
        let pollution = try AirPollution(jsonBytes: D.fixture("air/0000.json"))
        let sample = try XCTUnwrap(AirQualitySample(pollution))
        XCTAssertEqual(sample.index, .good)
        XCTAssertEqual(sample.time, Date(timeIntervalSince1970: 1_713_160_800))
        let unknown = try AirPollution(jsonBytes: Array(#"{"coord":{"lon":0,"lat":0},"list":[]}"#.utf8))
        XCTAssertNil(AirQualitySample(unknown))
    }

    func testAlertsInForceAndPassed() {
        let current = D.alert(event: "Wind", end: D.at(minutes: 60))
        let passed = D.alert(event: "Fog", end: D.t0)
        let conditions = WeatherConditions(observedAt: D.t0, alerts: [current, passed])
        let active = WeatherEventRule.alert.activeAlerts(in: conditions)
        XCTAssertEqual(active?.map(\.alert.event), ["Wind"])
        XCTAssertEqual(WeatherEventRule.alert.isMet(by: conditions), true)
        XCTAssertEqual(WeatherEventRule.alert.isMet(by: WeatherConditions(observedAt: D.t0, alerts: [passed])), false)
    }

    func testAlertIdentityIsTheIdOrAStableHash() {
        let withID = ActiveAlert(D.alert(id: "2.49.0.0.380.3.IT:1"))
        XCTAssertEqual(withID.identity, "2.49.0.0.380.3.IT:1")
        let withoutID = ActiveAlert(D.alert())
        let expected = D.fnv1a64Hex(["Met Office", "Yellow warning - Rain", "1778403600"])
        XCTAssertEqual(withoutID.identity, "fnv-" + expected)
        // A revised text keeps the identity and changes the fingerprint.
        let revised = ActiveAlert(D.alert(description: "Heavy rain and flooding expected."))
        XCTAssertEqual(revised.identity, withoutID.identity)
        XCTAssertNotEqual(revised.fingerprint, withoutID.fingerprint)
        XCTAssertEqual(ActiveAlert(D.alert()).fingerprint, withoutID.fingerprint)
    }

    func testOneCallFixtureGivesMinutesThenHours() throws {
        let oneCall = try OneCall(jsonBytes: D.fixture("onecall/0004.json"))
        let conditions = WeatherConditions(oneCall)
        XCTAssertEqual(conditions.observedAt, Date(timeIntervalSince1970: 1_778_403_776))
        let series = try XCTUnwrap(conditions.precipitation)
        XCTAssertEqual(series.prefix(60).map(\.end), oneCall.minutely.map { $0.time.addingTimeInterval(60) })
        // After the minutes come the hours, the first one cut to start where the minutes end.
        XCTAssertEqual(series[60].start, oneCall.minutely[59].time.addingTimeInterval(60))
        XCTAssertEqual(series.last?.end, oneCall.hourly[47].time.addingTimeInterval(3600))
        XCTAssertEqual(conditions.temperatures?.count, 48)
        XCTAssertEqual(conditions.alerts?.map(\.alert.event), ["Small Craft Advisory"])
        // The second minute (0.32 mm/h) is the first at 0.3 or more.
        let hit = try WeatherEventRule.precipitation(mmPerHour: 0.3, minutes: 60).evaluate(conditions)
        XCTAssertEqual(hit?.detail.precipitation?.start, Date(timeIntervalSince1970: 1_778_403_840))
        XCTAssertEqual(hit?.detail.precipitation?.millimetersPerHour, 0.32)
        // Excluded sections are unknown, not empty.
        let excluded = WeatherConditions(oneCall, excluded: [.minutely, .hourly, .alerts])
        XCTAssertNil(excluded.precipitation)
        XCTAssertNil(excluded.temperatures)
        XCTAssertNil(excluded.alerts)
        // No alerts section in a full answer means no alerts.
        let quiet = WeatherConditions(try OneCall(jsonBytes: D.fixture("onecall/0001.json")))
        XCTAssertEqual(quiet.alerts?.count, 0)
    }

    func testOneCall4PagesAndAlertDetails() throws {
        let minutes = try TimelinePage<MinutelyPrecipitation>(jsonBytes: D.fixture("onecall4-1min/spec-example.json"))
        let quarters = try TimelinePage<HourlyForecast>(jsonBytes: D.fixture("onecall4-15min/spec-example.json"))
        let detail = try WeatherAlert(jsonBytes: D.fixture("onecall4-alert/0000.json"))
        let conditions = WeatherConditions(minutes: minutes, quarterHours: [quarters], alerts: [detail])
        XCTAssertEqual(conditions.observedAt, Date(timeIntervalSince1970: 1_777_451_940))
        XCTAssertEqual(conditions.alerts?.map(\.identity), ["8B46C632-DCA7-44D7-8BDF-02445621BAFF"])
        let series = try XCTUnwrap(conditions.precipitation)
        XCTAssertEqual(series.map(\.millimetersPerHour), [0, 0.12, 0.31, 0, 0])
        XCTAssertEqual(
            series[3].start, Date(timeIntervalSince1970: 1_777_452_300), "15-minute records after the minutes")
        XCTAssertEqual(conditions.temperatures?.count, 2)
        XCTAssertEqual(try WeatherEventRule.precipitation(mmPerHour: 0.3, minutes: 5).isMet(by: conditions), true)
        // An id listed without its detail makes the alerts unknown; no pages at all, too.
        XCTAssertNil(WeatherConditions(minutes: minutes, alerts: []).alerts)
        XCTAssertNil(WeatherConditions(minutes: minutes).alerts)
        XCTAssertEqual(WeatherConditions(quarterHours: [quarters]).alerts?.count, 0)
        XCTAssertNil(WeatherConditions(observedAt: D.t0).alerts)
    }
}
