import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// LOG_FORMAT=json: numbers as JSON numbers, booleans as booleans, RFC 3339 UTC timestamps.
final class JSONLogLineTests: XCTestCase {
    private static func logLine(_ metadata: Logger.Metadata, format: LogFormat = .json) throws -> String {
        let logs = LogCapture()
        logs.logger(format: format).info("event", metadata: metadata)
        return try XCTUnwrap(logs.all.first)
    }

    private static func object(_ line: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
    }

    func testNumbersAndBooleansAreWrittenAsJSONNumbersAndBooleans() throws {
        let line = try Self.logLine([
            "status": .stringConvertible(503), "duration_ms": .stringConvertible(12.5),
            "ratio": .stringConvertible(Float(0.25)), "big": .stringConvertible(UInt64(42)),
            "shared": .stringConvertible(true), "text": .string("503"), "list": .array([.stringConvertible(1)]),
        ])
        XCTAssertTrue(line.contains(#""status":503"#), line)
        XCTAssertTrue(line.contains(#""duration_ms":12.5"#), line)
        XCTAssertTrue(line.contains(#""shared":true"#), line)
        XCTAssertTrue(line.contains(#""text":"503""#), "a string stays a string: \(line)")
        let object = try Self.object(line)
        XCTAssertEqual(object["status"] as? Int, 503)
        XCTAssertEqual(object["ratio"] as? Double, 0.25)
        XCTAssertEqual(object["big"] as? Int, 42)
        XCTAssertEqual(object["list"] as? [Int], [1])
    }

    func testValuesJSONCannotHoldAsNumbersStayText() throws {
        let line = try Self.logLine([
            "nan": .stringConvertible(Double.nan), "huge": .stringConvertible(UInt64.max),
            "url": .stringConvertible(URL(string: "https://example.com/a")!),
        ])
        let object = try Self.object(line)
        XCTAssertEqual(object["nan"] as? String, "nan")
        XCTAssertEqual(object["huge"] as? String, String(UInt64.max))
        XCTAssertEqual(object["url"] as? String, "https://example.com/a", "no escaped slashes either: \(line)")
    }

    func testTimestampsAreRFC3339InUTCWithZ() throws {
        let before = Date()
        let time = try XCTUnwrap(try Self.object(try Self.logLine([:]))["time"] as? String)
        let pattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#
        XCTAssertNotNil(time.range(of: pattern, options: .regularExpression), time)
        let parsed = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(time)
        XCTAssertLessThan(abs(parsed.timeIntervalSince(before)), 5, "\(time) is now, in UTC")
        // Text lines carry the same timestamp.
        let text = try Self.logLine([:], format: .text)
        XCTAssertNotNil(
            String(text.prefix { $0 != " " }).range(of: pattern, options: .regularExpression), text)
    }

    func testTheRequestLineWritesStatusAndDurationAsNumbers() async throws {
        try await ServiceHarness.run(logFormat: .json) { harness, client in
            _ = try await client.execute(uri: "/health", method: .get)
            let line = try XCTUnwrap(harness.logs.all.last { $0.contains(#""message":"request""#) })
            let object = try Self.object(line)
            XCTAssertEqual(object["status"] as? Int, 200, line)
            XCTAssertNotNil(object["duration_ms"] as? Double, line)
            XCTAssertFalse(line.contains(#""status":"200""#), line)
        }
    }
}
