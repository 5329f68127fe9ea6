import OpenWeatherStub
import XCTest

/// One exit status per class of failure, one `error:` line on stderr, never the API key.
final class ExitCodeTests: XCTestCase {
    func testUnknownPlaceIsNotFound() async throws {
        let current = try await CLIProcess.run(["current", "nowhere-\(UUID().uuidString.prefix(8))", "--demo"])
        XCTAssertEqual(current.status, 3, current.stderr)
        assertOneErrorLine(current, containing: "not_found")

        let onecall = try await CLIProcess.run(["onecall", "unknownville", "--demo"])
        XCTAssertEqual(onecall.status, 3, "geocoding finds nothing: \(onecall.stderr)")
        assertOneErrorLine(onecall, containing: "not_found")
    }

    func testWrongKeyIsUpstreamAndTheKeyIsNeverPrinted() async throws {
        try await OpenWeatherStub.withRunning { stub in
            let secret = "wrong-key-\(UUID().uuidString)"
            let result = try await CLIProcess.run(
                ["current", "Zürich", "--base-url", stub.baseURL, "--api-key", secret])
            XCTAssertEqual(result.status, 4, result.stderr)
            assertOneErrorLine(result, containing: "invalid_api_key")
            XCTAssertFalse(result.stderr.contains(secret))
            XCTAssertFalse(result.stdout.contains(secret))
        }
    }

    func testServerErrorsAfterRetriesAreUpstream() async throws {
        try await OpenWeatherStub.withRunning { stub in
            stub.inject(.status(500), pathPrefix: "/data/2.5/weather")
            let result = try await CLIProcess.run(
                [
                    "current", "Zürich", "--base-url", stub.baseURL, "--api-key",
                    OpenWeatherStub.Configuration.defaultAPIKey,
                ])
            XCTAssertEqual(result.status, 4, result.stderr)
            assertOneErrorLine(result, containing: "server_error")
            XCTAssertEqual(stub.stats.requestsByPath["/data/2.5/weather"], 3, "three attempts")
        }
    }

    func testConnectionResetIsTransport() async throws {
        try await OpenWeatherStub.withRunning { stub in
            stub.inject(.connectionReset)
            let result = try await CLIProcess.run(
                [
                    "forecast", "Zürich", "--base-url", stub.baseURL, "--api-key",
                    OpenWeatherStub.Configuration.defaultAPIKey,
                ])
            XCTAssertEqual(result.status, 5, result.stderr)
            assertOneErrorLine(result, containing: "connection")
        }
    }

    func testUnreachablePortIsTransport() async throws {
        let stub = try await OpenWeatherStub.start()
        let baseURL = stub.baseURL
        try await stub.shutdown()  // nothing listens on that port any more
        let result = try await CLIProcess.run(["current", "Zürich", "--base-url", baseURL, "--api-key", "k"])
        XCTAssertEqual(result.status, 5, result.stderr)
        assertOneErrorLine(result, containing: "connection_refused")
    }

    func testUsageErrorsExitWithTwo() async throws {
        let cases: [[String]] = [
            ["current"],
            ["current", "Zürich", "--units", "kelvin"],
            ["current", "91,500", "--demo"],
            ["onecall", "Zürich", "--demo", "--exclude", "weekly"],
            ["air", "Zürich", "--demo", "--history", "--from", "yesterday", "--to", "2024-03-02"],
            ["air", "Zürich", "--history"],
            ["geocode"],
            ["nonsense"],
        ]
        for arguments in cases {
            let result = try await CLIProcess.run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.isEmpty, "\(arguments) explains itself")
        }
    }

    private func assertOneErrorLine(
        _ result: CLIResult, containing text: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        XCTAssertEqual(errors.count, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(errors.first?.contains(text) == true, result.stderr, file: file, line: line)
        XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stdout.isEmpty, result.stdout, file: file, line: line)
    }
}
