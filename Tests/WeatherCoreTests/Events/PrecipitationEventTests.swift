import Foundation
import WeatherCore
import XCTest

final class PrecipitationEventTests: XCTestCase {
    private typealias D = EventTestData

    /// Rain of 0.8 mm/h expected from minute 30 to minute 50 after `t0`, seen from `minute`: the
    /// minute series of an hour starting then.
    private func forecast(atMinute minute: Int) -> WeatherConditions {
        let rates = (0..<60).map { offset -> Double in
            let absolute = minute + offset
            return (30..<50).contains(absolute) ? 0.8 : 0.05
        }
        return D.rain(atMinute: minute, rates)
    }

    func testStartsOnceAtTheKnownMinuteAndEndsOnceWhenItStops() throws {
        let rule = try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 15)
        var tracker = WeatherEventTracker(subscription: "sub-1", rule: rule)
        var all: [(minute: Int, event: WeatherEvent)] = []
        // A refresh every 5 minutes for an hour and a half, each refresh taken twice (a retry or a second replica).
        for minute in stride(from: 0, through: 90, by: 5) {
            for _ in 0..<2 {
                for event in tracker.update(with: forecast(atMinute: minute)) { all.append((minute, event)) }
            }
        }
        XCTAssertEqual(all.map(\.event.edge), [.started, .ended], "\(all.map { ($0.minute, $0.event.edge) })")
        let started = try XCTUnwrap(all.first)
        // At minute 20 the 15-minute window [20, 35) first reaches minute 30.
        XCTAssertEqual(started.minute, 20)
        XCTAssertEqual(started.event.time, D.at(minutes: 20))
        XCTAssertEqual(started.event.startedAt, D.at(minutes: 20))
        XCTAssertEqual(started.event.type, .precipitation)
        XCTAssertEqual(started.event.detail.precipitation?.start, D.at(minutes: 30))
        XCTAssertEqual(started.event.detail.precipitation?.millimetersPerHour, 0.8)
        // The last wet minute is 49; at minute 50 nothing at 0.5 or more is expected.
        let ended = try XCTUnwrap(all.last)
        XCTAssertEqual(ended.minute, 50)
        XCTAssertEqual(ended.event.startedAt, D.at(minutes: 20))
        XCTAssertEqual(ended.event.detail.precipitation?.millimetersPerHour, 0.05, "the wettest left")
        XCTAssertNotEqual(started.event.id, ended.event.id)
        XCTAssertNil(tracker.activeSince)
    }

    func testUnknownDataNeitherStartsNorEnds() throws {
        let rule = try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 15)
        var tracker = WeatherEventTracker(subscription: "sub-1", rule: rule)
        XCTAssertTrue(tracker.update(with: WeatherConditions(observedAt: D.t0)).isEmpty)
        XCTAssertEqual(tracker.update(with: forecast(atMinute: 25)).map(\.edge), [.started])
        // The minute series goes missing: nothing ends.
        XCTAssertTrue(tracker.update(with: WeatherConditions(observedAt: D.at(minutes: 55))).isEmpty)
        XCTAssertEqual(tracker.activeSince, D.at(minutes: 25))
        // Back with dry data: it ends, once.
        XCTAssertEqual(tracker.update(with: forecast(atMinute: 60)).map(\.edge), [.ended])
        XCTAssertTrue(tracker.update(with: forecast(atMinute: 65)).isEmpty)
    }

    func testOlderConditionsAreIgnored() throws {
        let rule = try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 15)
        var tracker = WeatherEventTracker(subscription: "sub-1", rule: rule)
        XCTAssertEqual(tracker.update(with: forecast(atMinute: 25)).map(\.edge), [.started])
        XCTAssertEqual(tracker.update(with: forecast(atMinute: 55)).map(\.edge), [.ended])
        // A replica with an older cached forecast must not start it again.
        XCTAssertTrue(tracker.update(with: forecast(atMinute: 30)).isEmpty)
        XCTAssertEqual(tracker.lastObservedAt, D.at(minutes: 55))
        XCTAssertNil(tracker.activeSince)
    }

    func testTheFifteenMinuteSeriesServesLongerWindows() throws {
        // Dry minutes for the first hour; the 15-minute series has 1.2 mm/h at 2 h 15 min.
        let minutes = D.minutes(from: D.t0, Array(repeating: 0, count: 60))
        let quarters = (0..<16).map { slot -> PrecipitationSample in
            let begin = D.at(minutes: slot * 15)
            return PrecipitationSample(
                start: begin, end: begin.addingTimeInterval(900), millimetersPerHour: slot == 9 ? 1.2 : 0)
        }
        let series = try XCTUnwrap(WeatherConditionsMerging.merge(minutes, quarters))
        let conditions = WeatherConditions(observedAt: D.t0, precipitation: series)
        XCTAssertEqual(try WeatherEventRule.precipitation(mmPerHour: 1, minutes: 60).isMet(by: conditions), false)
        XCTAssertEqual(try WeatherEventRule.precipitation(mmPerHour: 1, minutes: 135).isMet(by: conditions), false)
        let hit = try WeatherEventRule.precipitation(mmPerHour: 1, minutes: 136).evaluate(conditions)
        XCTAssertEqual(hit?.isMet, true)
        XCTAssertEqual(hit?.detail.precipitation?.start, D.at(minutes: 135))
        XCTAssertNil(
            try WeatherEventRule.precipitation(mmPerHour: 1, minutes: 300).isMet(
                by: WeatherConditions(observedAt: D.t0, precipitation: minutes)))
    }
}

/// Merges series the way the One Call adapters do, through public API only: a One Call 4.0
/// minute page and 15-minute page built as JSON.
enum WeatherConditionsMerging {
    static func merge(_ minutes: [PrecipitationSample], _ quarters: [PrecipitationSample]) -> [PrecipitationSample]? {
        let minuteRecords = minutes.map {
            #"{"dt":\#(Int($0.start.timeIntervalSince1970)),"precipitation":\#($0.millimetersPerHour)}"#
        }
        let quarterRecords = quarters.map { sample -> String in
            let rain = sample.millimetersPerHour > 0 ? #","rain":{"1h":\#(sample.millimetersPerHour)}"# : ""
            let readings = #""temp":280,"pressure":1000,"humidity":50,"wind_speed":1,"wind_deg":0,"weather":[]"#
            return #"{"dt":\#(Int(sample.start.timeIntervalSince1970)),\#(readings)\#(rain)}"#
        }
        func page(_ records: [String]) -> [UInt8] {
            Array(
                #"{"lat":0,"lon":0,"timezone":"UTC","timezone_offset":0,"data":[\#(records.joined(separator: ","))]}"#
                    .utf8)
        }
        guard let minutePage = try? TimelinePage<MinutelyPrecipitation>(jsonBytes: page(minuteRecords)),
            let quarterPage = try? TimelinePage<HourlyForecast>(jsonBytes: page(quarterRecords))
        else { return nil }
        return WeatherConditions(minutes: minutePage, quarterHours: [quarterPage]).precipitation
    }
}
