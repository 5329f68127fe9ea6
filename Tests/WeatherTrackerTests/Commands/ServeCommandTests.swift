import XCTest

/// `weather-tracker serve` and `healthcheck` as a user runs them.
final class ServeCommandTests: XCTestCase {
    func testInvalidConfigurationIsOneLineAndStatus2BeforeBinding() async throws {
        for (environment, variable) in [
            (["PORT": "80a"], "PORT"), (["LOG_FORMAT": "xml"], "LOG_FORMAT"), (["REDIS_URL": "redis://:pw@h/zero"], "REDIS_URL"),
            (["REDIS_URL": "rediss://:pw@h/0", "REDIS_TLS_CA_FILE": "/nonexistent/ca.pem"], "REDIS_TLS_CA_FILE"),
            (["OPENWEATHER_API_KEY_FILE": "/nonexistent/api-key"], "OPENWEATHER_API_KEY_FILE"),
            (["OPENWEATHER_API_KEY_FILE": "/nonexistent/api-key", "OPENWEATHER_API_KEY": "k"], "OPENWEATHER_API_KEY_FILE"),
            (["TRACKED_PLACES": "London;91,500"], "TRACKED_PLACES"),
            (["HOST": "999.1.1.1"], "HOST"), (["HOST": "300.2.3.4"], "HOST"), (["HOST": "bad host"], "HOST"),
            (["HOST": "no-such-host.invalid"], "HOST"), (["OPENWEATHER_BASE_URL": "http://"], "OPENWEATHER_BASE_URL"),
            (["OPENWEATHER_BASE_URL": "https:///data"], "OPENWEATHER_BASE_URL"),
            (["OPENWEATHER_BASE_URL": "ftp://example.org"], "OPENWEATHER_BASE_URL"),
            (["DEMO": "0"], "OPENWEATHER_API_KEY"), (["DEMO": "perhaps"], "DEMO"),
        ] {
            let result = try await CLIProcess.run(["serve"], environment: environment, timeout: 30)
            XCTAssertEqual(result.status, 2, "\(environment): \(result.stderr)")
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, result.stderr)
            XCTAssertTrue(lines.first?.hasPrefix("invalid configuration: \(variable): ") == true, result.stderr)
            XCTAssertFalse(result.stderr.contains("pw@"), "a secret in the message")
            XCTAssertFalse(result.stdout.contains("listening"), "it bound the port")
        }
        let flag = try await CLIProcess.run(["serve", "--port", "99999"], environment: ["PORT": "8000"], timeout: 30)
        XCTAssertEqual(flag.status, 2)
        XCTAssertTrue(flag.stderr.hasPrefix("invalid configuration: PORT: "), "the flag wins over PORT: \(flag.stderr)")
    }

    func testHealthcheckFailsWhenNothingAnswers() async throws {
        let result = try await CLIProcess.run(["healthcheck", "--url", "http://127.0.0.1:9/health"], timeout: 30)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("unhealthy: "), result.stderr)
    }
}
