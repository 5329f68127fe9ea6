import Foundation
import OpenWeatherStub
import XCTest

/// `onecall`, `timeline` and `alerts` against the stub with each One Call plan, run as a reader runs them.
final class OneCallCommandsTests: XCTestCase {
    /// Runs the CLI against `stub` with its key.
    private func run(_ arguments: [String], on stub: OpenWeatherStub) async throws -> CLIResult {
        try await CLIProcess.run(
            arguments + ["--base-url", stub.baseURL, "--api-key", OpenWeatherStub.Configuration.defaultAPIKey])
    }

    func testOneCallSaysWhichAPIAnsweredOnEitherVersion() async throws {
        try await OpenWeatherStub.withRunning(configuration: .init(oneCallPlan: .oneCall4)) { stub in
            let text = try await run(["onecall", "Berlin"], on: stub)
            XCTAssertEqual(text.status, 0, text.stderr)
            XCTAssertTrue(text.stdout.contains("One Call 4.0 · "), text.stdout)
            XCTAssertTrue(text.stdout.contains("upstream call"), text.stdout)
            XCTAssertTrue(text.stdout.contains("Now ("), text.stdout)
            XCTAssertGreaterThan(stub.stats.requestsByPath["/data/4.0/onecall/current"] ?? 0, 0)
            XCTAssertNil(stub.stats.requestsByPath["/data/3.0/onecall"].flatMap { $0 > 0 ? $0 : nil })
        }
        try await OpenWeatherStub.withRunning(configuration: .init(oneCallPlan: .oneCall3)) { stub in
            let text = try await run(["onecall", "Berlin"], on: stub)
            XCTAssertEqual(text.status, 0, text.stderr)
            XCTAssertTrue(text.stdout.contains("One Call 3.0 · 1 upstream call"), text.stdout)
            let json = try CLIProcess.jsonObject(try await run(["onecall", "Berlin", "--json"], on: stub).stdout)
            XCTAssertEqual((json["source"] as? [String: Any])?["api"] as? String, "3.0")
            XCTAssertGreaterThan((json["daily"] as? [Any])?.count ?? 0, 0)
        }
    }

    func testTimelineOnOneCall4AtEachStep() async throws {
        try await OpenWeatherStub.withRunning(configuration: .init(oneCallPlan: .oneCall4)) { stub in
            let quarter = try await run(["timeline", "Berlin", "--step", "15min"], on: stub)
            XCTAssertEqual(quarter.status, 0, quarter.stderr)
            XCTAssertTrue(quarter.stdout.contains("15min timeline"), quarter.stdout)
            XCTAssertTrue(quarter.stdout.contains("One Call 4.0 · 4 upstream calls"), quarter.stdout)
            let lines = quarter.stdout.split(separator: "\n")
            XCTAssertTrue(lines.contains { $0.hasPrefix("Time") && $0.contains("Temp") && $0.contains("Wind") })
            XCTAssertGreaterThanOrEqual(lines.count, 3 + 190, "48 hours of quarter hours")

            let minute = try CLIProcess.jsonObject(
                try await run(["timeline", "Berlin", "--step", "1min", "--json", "--units", "metric"], on: stub).stdout)
            XCTAssertEqual(minute["step"] as? String, "1min")
            XCTAssertEqual((minute["records"] as? [Any])?.count, 60)
            XCTAssertEqual((minute["source"] as? [String: Any])?["api"] as? String, "4.0")
            XCTAssertEqual(minute["time_zone_identifier"] as? String, "Europe/Berlin")

            // An RFC 3339 range: exactly its hours.
            let start = Self.hour(hoursFromNow: 2)
            let end = Self.hour(hoursFromNow: 5)
            let hours = try CLIProcess.jsonObject(
                try await run(["timeline", "Berlin", "--step", "1h", "--from", start, "--to", end, "--json"], on: stub)
                    .stdout)
            let records = try XCTUnwrap(hours["records"] as? [[String: Any]])
            XCTAssertEqual(records.count, 3)
            XCTAssertEqual(records.first?["time"] as? String, start)

            let days = try await run(["timeline", "Berlin", "--step", "1day"], on: stub)
            XCTAssertEqual(days.status, 0, days.stderr)
            XCTAssertTrue(days.stdout.contains("Low") && days.stdout.contains("High"), days.stdout)

            let bad = try await run(["timeline", "Berlin", "--step", "1h", "--from", "tomorrow"], on: stub)
            XCTAssertEqual(bad.status, 2, bad.stderr)
            XCTAssertTrue(bad.stderr.contains("RFC 3339"), bad.stderr)
        }
    }

    func testQuarterHoursOnOneCall3AreAClearError() async throws {
        try await OpenWeatherStub.withRunning(configuration: .init(oneCallPlan: .oneCall3)) { stub in
            let result = try await run(["timeline", "Berlin", "--step", "15min"], on: stub)
            XCTAssertNotEqual(result.status, 0)
            XCTAssertTrue(result.stderr.contains("One Call 4.0"), result.stderr)
            XCTAssertEqual(result.stdout, "")
            XCTAssertEqual(result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }.count, 1)

            // The other steps work on 3.0, from its one document.
            let hours = try await run(["timeline", "Berlin", "--step", "1h"], on: stub)
            XCTAssertEqual(hours.status, 0, hours.stderr)
            XCTAssertTrue(hours.stdout.contains("One Call 3.0"), hours.stdout)
            let days = try await run(["timeline", "Berlin", "--step", "1day"], on: stub)
            XCTAssertEqual(days.status, 0, days.stderr)
            XCTAssertTrue(days.stdout.contains("1day timeline"), days.stdout)
        }
    }

    func testAlertsInTheLanguageAskedForAndNoneSaidSo() async throws {
        // The stub's Berlin heat alert is in force 10:00–18:00 UTC: ask it at noon today.
        let noon = Int(Date().timeIntervalSince1970) / 86400 * 86400 + 12 * 3600
        try await OpenWeatherStub.withRunning(configuration: .init(now: { noon }, oneCallPlan: .oneCall4)) { stub in
            let german = try await run(["alerts", "Berlin", "--lang", "de"], on: stub)
            XCTAssertEqual(german.status, 0, german.stderr)
            XCTAssertTrue(german.stdout.contains("Extreme high temperature"), german.stdout)
            XCTAssertTrue(german.stdout.contains("Deutscher Wetterdienst"), german.stdout)
            XCTAssertTrue(german.stdout.contains("Amtliche WARNUNG vor HITZE"), german.stdout)
            XCTAssertTrue(german.stdout.contains("From ") && german.stdout.contains(" 11:00 to "), german.stdout)

            let json = try CLIProcess.jsonObject(try await run(["alerts", "Berlin", "--json"], on: stub).stdout)
            let alerts = try XCTUnwrap(json["alerts"] as? [[String: Any]])
            XCTAssertEqual(alerts.count, 1)
            XCTAssertTrue((alerts[0]["description"] as? String ?? "").hasPrefix("Heat warning"), "\(alerts)")
            XCTAssertEqual((json["source"] as? [String: Any])?["api"] as? String, "4.0")
        }
        // Before 10:00 UTC Berlin has none.
        let night = noon - 9 * 3600
        try await OpenWeatherStub.withRunning(configuration: .init(now: { night }, oneCallPlan: .oneCall4)) { stub in
            let none = try await run(["alerts", "Berlin"], on: stub)
            XCTAssertEqual(none.status, 0, none.stderr)
            XCTAssertTrue(none.stdout.contains("No alerts in force."), none.stdout)
        }
        // One Call 3.0 answers too (its synthetic alerts come and go: either form is right).
        try await OpenWeatherStub.withRunning(configuration: .init(oneCallPlan: .oneCall3)) { stub in
            let result = try await run(["alerts", "Zürich"], on: stub)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("One Call 3.0 · 1 upstream call"), result.stdout)
            XCTAssertTrue(
                result.stdout.contains("No alerts in force.") || result.stdout.contains("Issued by "), result.stdout)
        }
    }

    /// The whole hour `hours` from now, RFC 3339 in UTC.
    private static func hour(hoursFromNow hours: Int) -> String {
        let seconds = (Int(Date().timeIntervalSince1970) / 3600 + hours) * 3600
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
