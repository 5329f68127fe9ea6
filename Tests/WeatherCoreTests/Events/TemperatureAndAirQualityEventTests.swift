import Foundation
import WeatherCore
import XCTest

final class TemperatureAndAirQualityEventTests: XCTestCase {
    private typealias D = EventTestData

    /// Hourly temperatures from `hour` after `t0`: `frostFrom..<frostUntil` (hours after `t0`) at -8 °C, else 3 °C.
    private func forecast(atHour hour: Int, frostFrom: Int, frostUntil: Int) -> WeatherConditions {
        let start = D.t0.addingTimeInterval(TimeInterval(hour) * 3600)
        let celsius = (0..<48).map { offset in (frostFrom..<frostUntil).contains(hour + offset) ? -8.0 : 3.0 }
        return WeatherConditions(observedAt: start, temperatures: D.hours(from: start, celsius: celsius))
    }

    func testFrostWithinTheWindowStartsAndEndsOnce() throws {
        var tracker = WeatherEventTracker(subscription: "sub-7", rule: try .temperature(below: -5, hours: 6))
        var edges: [(hour: Int, event: WeatherEvent)] = []
        for hour in 0...20 {
            for event in tracker.update(with: forecast(atHour: hour, frostFrom: 10, frostUntil: 14)) {
                edges.append((hour, event))
            }
        }
        XCTAssertEqual(edges.map(\.event.edge), [.started, .ended])
        // Frost at hour 10 comes within 6 hours from hour 5; the last frosty hour is 13.
        XCTAssertEqual(edges.map(\.hour), [5, 14])
        let started = edges[0].event
        XCTAssertEqual(started.type, .temperature)
        XCTAssertEqual(started.detail.temperature?.start, D.t0.addingTimeInterval(10 * 3600))
        XCTAssertEqual(try XCTUnwrap(started.detail.temperature?.temperature.celsius), -8, accuracy: 1e-9)
        XCTAssertEqual(edges[1].event.startedAt, started.time)
    }

    func testFrostBeyondTheWindowStartsNothing() throws {
        var tracker = WeatherEventTracker(subscription: "sub-7", rule: try .temperature(below: -5, hours: 6))
        XCTAssertTrue(tracker.update(with: forecast(atHour: 0, frostFrom: 7, frostUntil: 9)).isEmpty)
        XCTAssertTrue(tracker.update(with: forecast(atHour: 1, frostFrom: 8, frostUntil: 9)).isEmpty)
        XCTAssertNil(tracker.activeSince)
    }

    func testHeatAboveTheThreshold() throws {
        var tracker = WeatherEventTracker(subscription: "sub-8", rule: try .temperature(above: 2.5, hours: 1))
        let started = tracker.update(with: forecast(atHour: 0, frostFrom: 0, frostUntil: 0))
        XCTAssertEqual(started.map(\.edge), [.started])
        XCTAssertEqual(try XCTUnwrap(started.first?.detail.temperature?.temperature.celsius), 3, accuracy: 1e-9)
        XCTAssertTrue(tracker.update(with: forecast(atHour: 1, frostFrom: 0, frostUntil: 0)).isEmpty)
        XCTAssertEqual(tracker.update(with: forecast(atHour: 2, frostFrom: 2, frostUntil: 5)).map(\.edge), [.ended])
    }

    func testAirQualityStartsAtTheIndexAndEndsBelowIt() {
        var tracker = WeatherEventTracker(subscription: "sub-9", rule: .airQuality(atLeast: .poor))
        let readings: [AirQualityIndex?] = [.fair, .moderate, .poor, .veryPoor, nil, .poor, .moderate, .good, .poor]
        var edges: [(Int, WeatherEventEdge, AirQualityIndex?)] = []
        for (hour, index) in readings.enumerated() {
            let time = D.t0.addingTimeInterval(TimeInterval(hour) * 3600)
            let conditions = WeatherConditions(
                observedAt: time, airQuality: index.map { AirQualitySample(time: time, index: $0) })
            for event in tracker.update(with: conditions) {
                edges.append((hour, event.edge, event.detail.airQuality?.index))
            }
        }
        XCTAssertEqual(edges.map(\.0), [2, 6, 8])
        XCTAssertEqual(edges.map(\.1), [.started, .ended, .started])
        XCTAssertEqual(edges.map(\.2), [.poor, .moderate, .poor])
    }
}
