import XCTest

/// Every subcommand against the built-in stub (`--demo`, no API key in the environment): the
/// text for people and the JSON for machines.
final class DemoOutputTests: XCTestCase {
    func testCurrentPrintsAlignedLinesAndSaysItIsTheDemo() async throws {
        let result = try await CLIProcess.run(["current", "Zürich", "--demo"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for label in [
            "Condition", "Temperature", "feels like", "Wind", "Beaufort", "Humidity", "Pressure",
            "Visibility", "Sunrise/sunset", "°C",
        ] {
            XCTAssertTrue(result.stdout.contains(label), "missing \(label) in\n\(result.stdout)")
        }
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no colour when stdout is a pipe")
        XCTAssertEqual(result.stderr.split(separator: "\n").filter { $0.hasPrefix("demo:") }.count, 1, result.stderr)
    }

    func testNoAPIKeyMeansDemoAndImperialUnits() async throws {
        let result = try await CLIProcess.run(["current", "Springfield,IL,US", "--units", "imperial"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("demo:"), result.stderr)
        XCTAssertTrue(result.stdout.contains("°F"), result.stdout)
        XCTAssertTrue(result.stdout.contains("mph"), result.stdout)
    }

    func testCurrentJSON() async throws {
        let result = try await CLIProcess.run(["current", "Zürich", "--demo", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLIProcess.jsonObject(result.stdout)
        XCTAssertEqual(json["name"] as? String, "Zürich")
        let main = try XCTUnwrap(json["main"] as? [String: Any])
        let temperature = try XCTUnwrap(main["temperature"] as? [String: Any])
        XCTAssertNotNil(temperature["kelvin"] as? Double)
    }

    func testJSONFollowsUnits() async throws {
        for (units, temperatureKey, speedKey) in [
            ("imperial", "fahrenheit", "miles_per_hour"), ("metric", "celsius", "meters_per_second"),
        ] {
            let result = try await CLIProcess.run(["current", "Zürich", "--demo", "--json", "--units", units])
            XCTAssertEqual(result.status, 0, result.stderr)
            let json = try CLIProcess.jsonObject(result.stdout)
            let main = try XCTUnwrap(json["main"] as? [String: Any])
            let temperature = try XCTUnwrap(main["temperature"] as? [String: Any])
            XCTAssertEqual(Array(temperature.keys), [temperatureKey], result.stdout)
            let wind = try XCTUnwrap(json["wind"] as? [String: Any])
            let speed = try XCTUnwrap(wind["speed"] as? [String: Any])
            XCTAssertEqual(Array(speed.keys), [speedKey], result.stdout)
        }
    }

    func testVersion() async throws {
        let result = try await CLIProcess.run(["--version"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "weather-tracker 0.2.0")
    }

    func testForecastTableAndJSON() async throws {
        let text = try await CLIProcess.run(["forecast", "London,GB", "--demo"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let lines = text.stdout.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("Day") && $0.contains("Low") && $0.contains("High") }, text.stdout)
        XCTAssertGreaterThanOrEqual(lines.count, 2 + 5, "a header, a title and a row per day:\n\(text.stdout)")

        let json = try CLIProcess.jsonObject(
            try await CLIProcess.run(["forecast", "London,GB", "--demo", "--json"]).stdout)
        XCTAssertEqual((json["entries"] as? [Any])?.count, 40)
        XCTAssertEqual((json["city"] as? [String: Any])?["name"] as? String, "London")
    }

    func testOneCallGeocodesACityAndHonoursExclude() async throws {
        let text = try await CLIProcess.run(["onecall", "Zürich", "--demo", "-v"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Now ("), text.stdout)
        XCTAssertTrue(text.stdout.contains("UV"), text.stdout)
        XCTAssertTrue(text.stderr.contains("cache: miss (age 0s) geo"), "the city is geocoded first:\n\(text.stderr)")
        XCTAssertTrue(text.stderr.contains("cache: miss (age 0s) onecall"), text.stderr)

        let result = try await CLIProcess.run([
            "onecall", "47.37,8.54", "--demo", "--json", "--exclude", "minutely,hourly",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try CLIProcess.jsonObject(result.stdout)
        XCTAssertNotNil(json["current"] as? [String: Any])
        XCTAssertEqual((json["hourly"] as? [Any])?.count ?? 0, 0)
        XCTAssertGreaterThan((json["daily"] as? [Any])?.count ?? 0, 0)
    }

    func testAirNowForecastAndHistory() async throws {
        let text = try await CLIProcess.run(["air", "Zürich", "--demo"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("AQI"), text.stdout)
        XCTAssertTrue(text.stdout.contains("PM2.5"), text.stdout)
        XCTAssertTrue(
            ["Good", "Fair", "Moderate", "Poor"].contains { text.stdout.contains($0) }, "index name:\n\(text.stdout)")

        let forecast = try CLIProcess.jsonObject(
            try await CLIProcess.run(["air", "47.37,8.54", "--demo", "--json", "--forecast"]).stdout)
        XCTAssertGreaterThan((forecast["readings"] as? [Any])?.count ?? 0, 1)

        let history = try await CLIProcess.run(
            ["air", "zip:8001,CH", "--demo", "--history", "--from", "2024-03-01", "--to", "1709424000"])
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertTrue(history.stdout.contains("Worst AQI"), history.stdout)
    }

    func testGeocodeByNameReverseAndZip() async throws {
        let text = try await CLIProcess.run(["geocode", "Springfield,IL,US", "--demo"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("1. Springfield"), text.stdout)

        let reverse = try await CLIProcess.run([
            "geocode", "--reverse", "47.37,8.54", "--demo", "--json", "--limit", "1",
        ])
        XCTAssertEqual(reverse.status, 0, reverse.stderr)
        let places = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(reverse.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(places.count, 1)

        let zip = try await CLIProcess.run(["geocode", "--zip", "94040,US", "--demo", "--json"])
        XCTAssertEqual(zip.status, 0, zip.stderr)
        XCTAssertEqual(try CLIProcess.jsonObject(zip.stdout)["zip"] as? String, "94040")
    }
}
