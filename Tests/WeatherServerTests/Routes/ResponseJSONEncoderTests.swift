import Foundation
import WeatherCore
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// ``ResponseJSONEncoder`` writes exactly Foundation's bytes (sorted keys, snake_case, ISO 8601
/// dates) for every response the service encodes, and leaves to Foundation what it does not follow.
final class ResponseJSONEncoderTests: XCTestCase {
    /// Fails unless the fast encoder takes `value` and writes Foundation's bytes for it.
    private static func assertSameAsFoundation<T: Encodable>(
        _ value: T, units: UnitSystem? = nil, _ label: String = "", file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let userInfo: [CodingUserInfoKey: Any] = units.map { [UnitSystem.codingUserInfoKey: $0] } ?? [:]
        let fast = try XCTUnwrap(
            ResponseJSONEncoder.encode(value, userInfo: userInfo), "\(label): left to Foundation", file: file, line: line)
        let foundation = try ServiceJSON.foundationEncode(value, units: units)
        XCTAssertEqual(
            String(decoding: fast, as: UTF8.self), String(decoding: foundation, as: UTF8.self), label, file: file,
            line: line)
    }

    func testEveryLookupModelEncodesToFoundationsBytes() async throws {
        try await ServiceHarness.run { harness, _ in
            let client = harness.client
            let place = try await client.resolve(.city(name: "Oslo", country: "NO"))
            let coordinates = place.coordinates
            let day = try CalendarDate(year: 2026, month: 11, day: 30)
            let at = Date(timeIntervalSince1970: 1_795_000_000)
            for units in [UnitSystem.standard, .metric, .imperial] {
                func check<M: Encodable>(_ result: WeatherResult<M>, _ label: String) throws {
                    try Self.assertSameAsFoundation(
                        LookupEnvelope(data: result.value, fetchedAt: result.fetchedAt, units: units.rawValue, place: "Oslo"),
                        units: units, "\(label) \(units)")
                }
                try check(try await client.fetch(try .current(.city(name: "Oslo")), as: CurrentWeather.self), "current")
                try check(try await client.fetch(try .forecast(.city(name: "Oslo")), as: Forecast.self), "forecast")
                try check(try await client.oneCall(for: coordinates), "onecall")
                try check(try await client.historicalWeather(for: coordinates, at: at), "timemachine")
                try check(try await client.daySummary(for: coordinates, date: day), "day summary")
                try check(try await client.overview(for: coordinates), "overview")
            }
            func checkUnitless<M: Encodable>(_ result: WeatherResult<M>, _ label: String) throws {
                try Self.assertSameAsFoundation(
                    LookupEnvelope(data: result.value, fetchedAt: result.fetchedAt, units: nil, place: nil),
                    units: .standard, label)
            }
            try checkUnitless(try await client.airPollution(for: coordinates), "air")
            try checkUnitless(try await client.airPollutionForecast(for: coordinates), "air forecast")
            try checkUnitless(
                try await client.airPollutionHistory(for: coordinates, from: at, to: at.addingTimeInterval(86_400)),
                "air history")
            try checkUnitless(
                try await client.fetch(try .geocode(city: "Oslo", country: "NO"), as: GeocodingResults.self), "geocode")
            try checkUnitless(
                try await client.fetch(try .reverseGeocode(coordinates), as: GeocodingResults.self), "reverse")
            try checkUnitless(try await client.fetch(try .geocode(zip: "10001", country: "US"), as: ZipLocation.self), "zip")
        }
    }

    func testRecordedOpenWeatherAnswersEncodeToFoundationsBytes() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("WeatherCoreTests/Fixtures")
        var checked = 0
        for (folder, decode) in [
            ("current", { try CurrentWeather(jsonBytes: $0) as any Encodable }),
            ("forecast", { try Forecast(jsonBytes: $0) as any Encodable }),
            ("onecall", { try OneCall(jsonBytes: $0) as any Encodable }),
            ("air", { try AirPollution(jsonBytes: $0) as any Encodable }),
            ("geo", { try GeocodingResults(jsonBytes: $0) as any Encodable }),
        ] as [(String, ([UInt8]) throws -> any Encodable)] {
            let directory = fixtures.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
                let model = try decode(Array(try Data(contentsOf: directory.appendingPathComponent(file))))
                for units in [nil, UnitSystem.metric, .imperial] {
                    try Self.assertSameAsFoundation(model, units: units, "\(folder)/\(file) \(units?.rawValue ?? "-")")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 5 * 6 * 3)
    }

    private struct Scalars: Encodable {
        var text: String
        var number: Double
        var float: Float
        var integer: Int
        var small: Int8
        var unsigned: UInt64
        var flag: Bool
        var when: Date
        var missing: String?
        var list: [Double]
        var nested: [Nested]
        var empty: [Int]
    }

    private struct Nested: Encodable {
        // Declared out of key order: the encoder must sort.
        var zuluValue: Int
        var alpha: String?
        var mIddleKey: [String]
        var aURLValue: Bool
    }

    func testScalarsAndShapesMatchFoundation() throws {
        var generator = SystemRandomNumberGenerator()
        var doubles: [Double] = [0, -0.0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 1e-5, 1e-7, 123_456_789.125, 1e15, 1e16, 1e21, 1e22,
            -2.5e-300, 1.7976931348623157e308, Double.leastNonzeroMagnitude, 21.3, 293.15, 100]
        for _ in 0..<500 {
            doubles.append(Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator)))
            doubles.append(Double.random(in: -1000...1000, using: &generator))
            doubles.append((Double.random(in: -100...100, using: &generator) * 100).rounded() / 100)
        }
        doubles = doubles.filter(\.isFinite)
        var text = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        text += "é 東京 🌧️ \u{2028}\u{2029} / \\ \" end"
        let value = Scalars(
            text: text, number: 21.5, float: 0.1, integer: Int.min, small: -8, unsigned: UInt64.max, flag: true,
            when: Date(timeIntervalSince1970: 1_796_277_855.987), missing: nil, list: doubles,
            nested: [
                Nested(zuluValue: 1, alpha: "a", mIddleKey: ["x", "y"], aURLValue: false),
                Nested(zuluValue: 2, alpha: nil, mIddleKey: [], aURLValue: true),
            ], empty: [])
        try Self.assertSameAsFoundation(value, "scalars")
        for seconds in [0.0, 0.999, 951_782_400, 4_102_444_800.5, 253_402_300_799] {
            try Self.assertSameAsFoundation([Date(timeIntervalSince1970: seconds)], "date \(seconds)")
        }
    }

    private struct WritesNothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    private struct UsesSuperEncoder: Encodable {
        enum Key: CodingKey { case base }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try "base".encode(to: container.superEncoder())
        }
    }

    private struct WritesLate: Encodable {
        enum Key: CodingKey { case first, second }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            var first = container.nestedContainer(keyedBy: Key.self, forKey: .first)
            try container.encode(1, forKey: .second)
            try first.encode(2, forKey: .first)  // into a container its parent has moved past
        }
    }

    func testWhatItDoesNotFollowIsLeftToFoundation() throws {
        func leftToFoundation<T: Encodable>(_ value: T, _ label: String) throws {
            XCTAssertNil(ResponseJSONEncoder.encode(value, userInfo: [:]), label)
            XCTAssertEqual(try ServiceJSON.encode(value), try ServiceJSON.foundationEncode(value), label)
        }
        try leftToFoundation(["someKey": 1], "a [String: Int] (JSONEncoder converts no dictionary keys)")
        try leftToFoundation([["value": Data([1, 2])]], "Data")
        try leftToFoundation([URL(string: "https://example.com/a")!], "URL")
        try leftToFoundation([WritesNothing()], "a value that writes nothing")
        try leftToFoundation(UsesSuperEncoder(), "superEncoder")
        try leftToFoundation(WritesLate(), "a write into a closed container")
        XCTAssertNil(ResponseJSONEncoder.encode([Double.nan], userInfo: [:]), "NaN")
        XCTAssertThrowsError(try ServiceJSON.encode([Double.nan]), "Foundation refuses NaN too")
    }
}
