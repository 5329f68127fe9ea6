import Foundation
import WeatherCore
import XCTest

/// Builders and fixture access shared by the event tests: data made in code, fixtures read by
/// path next to this file, so the tests run in any target that compiles them.
enum EventTestData {
    /// A fixed instant on the minute, far from any edge case: 2026-05-10 09:00:00 UTC.
    static let t0 = Date(timeIntervalSince1970: 1_778_403_600)

    /// `t0` plus `minutes`.
    static func at(minutes: Int) -> Date { t0.addingTimeInterval(TimeInterval(minutes) * 60) }

    /// A minute series from `start` with one rate per minute.
    static func minutes(from start: Date, _ rates: [Double]) -> [PrecipitationSample] {
        rates.enumerated().map { offset, rate in
            let begin = start.addingTimeInterval(TimeInterval(offset) * 60)
            return PrecipitationSample(start: begin, end: begin.addingTimeInterval(60), millimetersPerHour: rate)
        }
    }

    /// An hourly temperature series from `start`, one value in °C per hour.
    static func hours(from start: Date, celsius: [Double]) -> [TemperatureSample] {
        celsius.enumerated().map { offset, value in
            let begin = start.addingTimeInterval(TimeInterval(offset) * 3600)
            return TemperatureSample(
                start: begin, end: begin.addingTimeInterval(3600), temperature: Temperature(celsius: value))
        }
    }

    /// Conditions at `minute` (after `t0`) whose minute series starts then with `rates`.
    static func rain(atMinute minute: Int, _ rates: [Double]) -> WeatherConditions {
        WeatherConditions(observedAt: at(minutes: minute), precipitation: minutes(from: at(minutes: minute), rates))
    }

    /// An alert as One Call 3.0 sends it (no id) unless `id` is given, decoded from JSON made here.
    static func alert(
        id: String? = nil, sender: String = "Met Office", event: String = "Yellow warning - Rain",
        start: Date = t0, end: Date = t0.addingTimeInterval(6 * 3600), description: String = "Heavy rain expected."
    ) -> WeatherAlert {
        var object: [String: Any] = [
            "sender_name": sender, "event": event, "start": Int(start.timeIntervalSince1970),
            "end": Int(end.timeIntervalSince1970), "description": description, "tags": ["Rain"],
        ]
        if let id { object["id"] = id }
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try WeatherAlert(jsonBytes: [UInt8](data))
        } catch {
            preconditionFailure("test alert does not decode: \(error)")
        }
    }

    /// The bytes of `Fixtures/<relative>` beside this test folder (through the symlinks of a
    /// scratch package, if any).
    static func fixture(_ relative: String) throws -> [UInt8] {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let url = here.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(relative)
        return [UInt8](try Data(contentsOf: url))
    }

    /// FNV-1a 64 written out independently of WeatherCore's: parts joined by U+001F, one after each.
    static func fnv1a64Hex(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.map({ $0 + "\u{1F}" }).joined().utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The rule, failing the test instead of throwing.
    static func rule(_ make: () throws -> WeatherEventRule, file: StaticString = #filePath, line: UInt = #line)
        -> WeatherEventRule
    {
        do {
            return try make()
        } catch {
            XCTFail("rule rejected: \(error)", file: file, line: line)
            return .alert
        }
    }
}
