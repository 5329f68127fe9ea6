import Foundation
import OpenWeatherStub
import XCTest

/// `weather-tracker serve` as an operator runs it: demo weather is never mistaken for real
/// weather, and `healthcheck` checks the service this environment configures.
final class ServeModeTests: XCTestCase {
    /// No key, no DEMO: the quick start works, but every answer says it is demo weather, no shared
    /// cache may keep it, and `/ready` keeps load balancers away, naming the missing key.
    func testWithoutAKeyAnswersAreMarkedDemoAndTheServiceIsNotReady() async throws {
        try await ServeProcess.withRunning(environment: [:]) { service in
            let ready = try await service.get("/ready")
            XCTAssertEqual(ready.status, 503)
            let checks = try XCTUnwrap(try ready.json()["checks"] as? [String: String])
            XCTAssertTrue(checks["openweather_api_key"]?.contains("OPENWEATHER_API_KEY") == true, "\(checks)")
            let health = try await service.get("/health")
            XCTAssertEqual(try health.json()["mode"] as? String, "demo")
            // The miss (routed) and its repeat (answered on the event-loop fast path) alike.
            for path in [
                "/v1/weather/current?city=Oslo", "/v1/weather/current?city=Oslo", "/v1/weather/forecast?city=Oslo",
                "/v1/air?lat=59.91&lon=10.75", "/weather/Oslo", "/weather/Oslo",
            ] {
                let answer = try await service.get(path)
                XCTAssertEqual(answer.status, 200, path)
                XCTAssertEqual(try answer.json()["mode"] as? String, "demo", path)
                XCTAssertEqual(answer.headers["cache-control"], "no-store", path)
            }
            let tracked = try await service.get("/v1/tracked")
            XCTAssertEqual(try tracked.json()["mode"] as? String, "demo")
            XCTAssertEqual(tracked.headers["cache-control"], "no-store")
        }
    }

    func testDemoAskedForIsReady() async throws {
        try await ServeProcess.withRunning(environment: ["DEMO": "1", "OPENWEATHER_API_KEY": "a-real-looking-key"]) {
            service in
            let ready = try await service.get("/ready")
            XCTAssertEqual(ready.status, 200)
            let answer = try await service.get("/v1/weather/current?city=Oslo")
            XCTAssertEqual(try answer.json()["mode"] as? String, "demo")
            XCTAssertEqual(answer.headers["cache-control"], "no-store")
        }
    }

    /// Real weather (here from a stub that plays OpenWeather) carries no marker and may be shared.
    func testLiveAnswersHaveNoDemoMarkerAndArePublic() async throws {
        try await OpenWeatherStub.withRunning { stub in
            try await ServeProcess.withRunning(environment: [
                "OPENWEATHER_API_KEY": OpenWeatherStub.Configuration.defaultAPIKey, "OPENWEATHER_BASE_URL": stub.baseURL,
            ]) { service in
                let ready = try await service.get("/ready")
                XCTAssertEqual(ready.status, 200)
                let health = try await service.get("/health")
                XCTAssertEqual(try health.json()["mode"] as? String, "live")
                let answer = try await service.get("/v1/weather/current?city=Oslo")
                XCTAssertNil(try answer.json()["mode"])
                XCTAssertTrue(answer.headers["cache-control"]?.hasPrefix("public, max-age=") == true)
            }
        }
    }

    /// A wrong Redis password is named in the log at start, not only "unavailable" in `/ready`.
    func testARefusedRedisPasswordIsLoggedAsSuch() async throws {
        let test = ProcessInfo.processInfo.environment["REDIS_TEST_URL"] ?? "redis://127.0.0.1:6399/0"
        let address = try XCTUnwrap(URLComponents(string: test))
        let url = "redis://:not-the-password@\(address.host ?? "127.0.0.1"):\(address.port ?? 6399)/0"
        try await ServeProcess.withRunning(environment: ["DEMO": "1", "REDIS_URL": url]) { service in
            let deadline = Date().addingTimeInterval(10)
            while !service.output.contains("authentication failed"), Date() < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
            XCTAssertTrue(service.output.contains("authentication failed"), service.output)
            XCTAssertFalse(service.output.contains("not-the-password"), "the password must not be logged")
        }
    }

    /// `healthcheck` reads HOST and PORT as `serve` does: `-e PORT=…` moves both.
    func testHealthcheckFollowsPort() async throws {
        try await ServeProcess.withRunning(environment: ["DEMO": "1"]) { service in
            let here = try await CLIProcess.run(["healthcheck"], environment: ["PORT": String(service.port)], timeout: 30)
            XCTAssertEqual(here.status, 0, here.stderr)
            let wildcard = try await CLIProcess.run(
                ["healthcheck"], environment: ["PORT": String(service.port), "HOST": "0.0.0.0"], timeout: 30)
            XCTAssertEqual(wildcard.status, 0, "0.0.0.0 is checked on loopback: \(wildcard.stderr)")
            let elsewhere = try await CLIProcess.run(
                ["healthcheck"], environment: ["PORT": String(try ServeProcess.freePort())], timeout: 30)
            XCTAssertEqual(elsewhere.status, 1, "nothing listens there")
        }
    }
}
