import Foundation
import WeatherCore
import XCTest

final class WeatherEventIdentityTests: XCTestCase {
    private typealias D = EventTestData

    private func startedEvent(subscription: String, rule: WeatherEventRule, at minute: Int = 0) -> WeatherEvent? {
        var tracker = WeatherEventTracker(subscription: subscription, rule: rule)
        return tracker.update(with: D.rain(atMinute: minute, Array(repeating: 2, count: 60))).first
    }

    func testTheReferenceHashMatchesFNV1a64() {
        // The published FNV-1a 64 vector for "a" is af63dc4c8601ec8c; "a" plus the separator follows it.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        hash = (hash ^ 0x61) &* 0x100_0000_01b3
        XCTAssertEqual(String(hash, radix: 16), "af63dc4c8601ec8c")
        XCTAssertEqual(D.fnv1a64Hex([]), "cbf29ce484222325")
    }

    func testIdsAreFNV1a64OfTheDocumentedParts() throws {
        let rule = try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 60)
        let event = try XCTUnwrap(startedEvent(subscription: "sub-1", rule: rule))
        let expected = D.fnv1a64Hex([
            "sub-1", "precipitation mm_per_hour=0.5 minutes=60", "precipitation", "", "started", "1778403600",
        ])
        XCTAssertEqual(event.id, expected)
        XCTAssertEqual(event.id.count, 16)
    }

    func testTheSameInputsGiveTheSameIdAndOthersDiffer() throws {
        let rule = try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 60)
        let id = try XCTUnwrap(startedEvent(subscription: "sub-1", rule: rule)?.id)
        XCTAssertEqual(startedEvent(subscription: "sub-1", rule: rule)?.id, id, "a second replica")
        let others = [
            startedEvent(subscription: "sub-2", rule: rule)?.id,
            startedEvent(subscription: "sub-1", rule: try .precipitation(mmPerHour: 0.6, minutes: 60))?.id,
            startedEvent(subscription: "sub-1", rule: try .precipitation(mmPerHour: 0.5, minutes: 61))?.id,
            startedEvent(subscription: "sub-1", rule: rule, at: 1)?.id,
        ]
        XCTAssertEqual(Set(others.compactMap { $0 } + [id]).count, 5)
    }

    func testEveryEdgeOfAnEpisodeHasItsOwnIdAndEpisodesDiffer() throws {
        var tracker = WeatherEventTracker(subscription: "s", rule: try .precipitation(mmPerHour: 1, minutes: 10))
        var ids: [String] = []
        for (minute, rate) in [(0, 2.0), (10, 0), (20, 2), (30, 0)] {
            ids += tracker.update(with: D.rain(atMinute: minute, Array(repeating: rate, count: 60))).map(\.id)
        }
        XCTAssertEqual(ids.count, 4)
        XCTAssertEqual(Set(ids).count, 4)
    }

    func testTrackerStateRoundTripsThroughJSONAndContinues() throws {
        let rule = try WeatherEventRule.precipitation(mmPerHour: 0.5, minutes: 15)
        var original = WeatherEventTracker(subscription: "sub-1", rule: rule)
        XCTAssertEqual(
            original.update(with: D.rain(atMinute: 0, Array(repeating: 1, count: 60))).map(\.edge), [.started])

        // Kept in Redis between refreshes, read back by another replica.
        let stored = try JSONEncoder().encode(original)
        var restored = try JSONDecoder().decode(WeatherEventTracker.self, from: stored)
        XCTAssertEqual(restored, original)
        XCTAssertTrue(restored.update(with: D.rain(atMinute: 5, Array(repeating: 1, count: 60))).isEmpty)
        let ended = restored.update(with: D.rain(atMinute: 10, Array(repeating: 0, count: 60)))
        let endedHere = original.update(with: D.rain(atMinute: 10, Array(repeating: 0, count: 60)))
        XCTAssertEqual(ended.map(\.edge), [.ended])
        XCTAssertEqual(ended, endedHere, "the same event, id included, whichever copy ends it")
    }

    func testAlertTrackerRoundTripsWithSnakeCaseKeys() throws {
        var tracker = WeatherEventTracker(subscription: "s", rule: .alert)
        _ = tracker.update(with: WeatherConditions(observedAt: D.t0, alerts: [D.alert(id: "x"), D.alert()]))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var restored = try decoder.decode(WeatherEventTracker.self, from: encoder.encode(tracker))
        XCTAssertEqual(restored, tracker)
        let revised = D.alert(id: "x", description: "Revised.")
        let events = restored.update(with: WeatherConditions(observedAt: D.at(minutes: 10), alerts: [revised]))
        XCTAssertEqual(events.map(\.edge), [.ended, .changed])
    }

    func testEventsEncodeTheirKindAndEdgeAsTheAPINamesThem() throws {
        let rule = WeatherEventRule.airQuality(atLeast: .poor)
        var tracker = WeatherEventTracker(subscription: "s", rule: rule)
        let event = try XCTUnwrap(
            tracker.update(
                with: WeatherConditions(observedAt: D.t0, airQuality: AirQualitySample(time: D.t0, index: .veryPoor))
            ).first)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: encoder.encode(event)) as? [String: Any])
        XCTAssertEqual(object["type"] as? String, "air_quality")
        XCTAssertEqual(object["edge"] as? String, "started")
        XCTAssertEqual(object["rule"] as? NSDictionary, ["type": "air_quality", "index": 4] as NSDictionary)
        let detail = try XCTUnwrap(object["detail"] as? [String: Any])
        XCTAssertEqual((detail["air_quality"] as? [String: Any])?["index"] as? Int, 5)
        XCTAssertNil(detail["precipitation"], "only the kind's member")
        XCTAssertEqual(try JSONDecoder().decode(WeatherEvent.self, from: JSONEncoder().encode(event)), event)
    }
}
