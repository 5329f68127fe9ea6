import Foundation
import WeatherCore
import XCTest

final class AlertEventTests: XCTestCase {
    private typealias D = EventTestData

    private func conditions(atHour hour: Double, _ alerts: [WeatherAlert]?) -> WeatherConditions {
        WeatherConditions(observedAt: D.t0.addingTimeInterval(hour * 3600), alerts: alerts)
    }

    func testAlertsStartChangeAndEnd() throws {
        var tracker = WeatherEventTracker(subscription: "place-51.5,-0.12", rule: .alert)
        let rain = D.alert(end: D.t0.addingTimeInterval(10 * 3600))
        let wind = D.alert(id: "2.49.0.0.826.0.GB:wind", event: "Wind", end: D.t0.addingTimeInterval(3 * 3600))

        let first = tracker.update(with: conditions(atHour: 0, [rain]))
        XCTAssertEqual(first.map(\.edge), [.started])
        XCTAssertEqual(first.first?.detail.alert?.alert, rain)
        XCTAssertEqual(first.first?.type, .alert)
        XCTAssertTrue(tracker.update(with: conditions(atHour: 0.5, [rain])).isEmpty, "no repeat")

        let second = tracker.update(with: conditions(atHour: 1, [wind, rain]))
        XCTAssertEqual(second.map(\.edge), [.started])
        XCTAssertEqual(second.first?.detail.alert?.identity, "2.49.0.0.826.0.GB:wind")

        // The rain warning is revised (a new text): changed, once, and it keeps its start.
        let revised = D.alert(end: D.t0.addingTimeInterval(10 * 3600), description: "Flooding likely.")
        let third = tracker.update(with: conditions(atHour: 2, [wind, revised]))
        XCTAssertEqual(third.map(\.edge), [.changed])
        XCTAssertEqual(third.first?.detail.alert?.alert.description, "Flooding likely.")
        XCTAssertEqual(third.first?.startedAt, D.t0)
        XCTAssertTrue(tracker.update(with: conditions(atHour: 2.5, [wind, revised])).isEmpty)

        // OpenWeather still lists the wind alert at hour 4, but its end (hour 3) has passed.
        let fourth = tracker.update(with: conditions(atHour: 4, [wind, revised]))
        XCTAssertEqual(fourth.map(\.edge), [.ended])
        XCTAssertEqual(fourth.first?.detail.alert?.identity, "2.49.0.0.826.0.GB:wind")

        // The rain warning is withdrawn.
        let fifth = tracker.update(with: conditions(atHour: 5, []))
        XCTAssertEqual(fifth.map(\.edge), [.ended])
        XCTAssertEqual(fifth.first?.detail.alert?.alert.description, "Flooding likely.", "the alert as last seen")
        XCTAssertTrue(tracker.update(with: conditions(atHour: 6, [])).isEmpty)
        XCTAssertTrue(tracker.trackedAlerts.isEmpty)
    }

    func testUnknownAlertsEndOnlyWhatHasExpired() {
        var tracker = WeatherEventTracker(subscription: "s", rule: .alert)
        let short = D.alert(id: "a", end: D.t0.addingTimeInterval(2 * 3600))
        let long = D.alert(id: "b", end: D.t0.addingTimeInterval(20 * 3600))
        XCTAssertEqual(tracker.update(with: conditions(atHour: 0, [short, long])).map(\.edge), [.started, .started])
        // Alerts unknown (a detail could not be fetched): nothing ends while both are in force...
        XCTAssertTrue(tracker.update(with: conditions(atHour: 1, nil)).isEmpty)
        // ...but the short one's end time passes all the same.
        let expired = tracker.update(with: conditions(atHour: 3, nil))
        XCTAssertEqual(expired.map(\.edge), [.ended])
        XCTAssertEqual(expired.first?.detail.alert?.identity, "a")
        XCTAssertEqual(tracker.trackedAlerts.map(\.alert.identity), ["b"])
    }

    func testSeveralEdgesComeInAFixedOrder() {
        var tracker = WeatherEventTracker(subscription: "s", rule: .alert)
        let a = D.alert(id: "a")
        let b = D.alert(id: "b")
        let c = D.alert(id: "c")
        _ = tracker.update(with: conditions(atHour: 0, [b, a]))
        let changedB = D.alert(id: "b", description: "Worse.")
        let events = tracker.update(with: conditions(atHour: 1, [c, changedB]))
        XCTAssertEqual(events.map(\.edge), [.ended, .changed, .started])
        XCTAssertEqual(events.map { $0.detail.alert?.identity }, ["a", "b", "c"])
    }

    func testAnAlertFromTheOneCallFixtureStartsOnce() throws {
        let oneCall = try OneCall(jsonBytes: D.fixture("onecall/0004.json"))
        var tracker = WeatherEventTracker(subscription: "s", rule: .alert)
        let events = tracker.update(with: WeatherConditions(oneCall))
        XCTAssertEqual(events.map(\.edge), [.started])
        let alert = try XCTUnwrap(events.first?.detail.alert)
        XCTAssertEqual(
            alert.alert.senderName, "NWS Philadelphia - Mount Holly (New Jersey, Delaware, Northeastern Pennsylvania)")
        XCTAssertTrue(alert.identity.hasPrefix("fnv-"))
        XCTAssertTrue(tracker.update(with: WeatherConditions(oneCall)).isEmpty)
        // Past its end (1778495472) it ends, though the same answer still lists it.
        let later = WeatherConditions(oneCall, observedAt: Date(timeIntervalSince1970: 1_778_495_472))
        XCTAssertEqual(tracker.update(with: later).map(\.edge), [.ended])
    }
}
