import Foundation
import HTTPTypes
import HummingbirdTesting
import OpenWeatherStub
import WeatherCore
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

final class HealthRoutesTests: XCTestCase {
    struct Down: Error {}

    func testHealthReportsModeCacheVersionAndUptimeWithoutTouchingTheNetwork() async throws {
        try await ServiceHarness.run(readinessChecks: ["redis": { throw Down() }], mode: .demo) { harness, client in
            let response = try await client.execute(uri: "/health", method: .get)
            XCTAssertEqual(response.status, .ok, "liveness never fails because a dependency is down")
            XCTAssertEqual(response.json["status"] as? String, "ok")
            XCTAssertEqual(response.json["mode"] as? String, "demo")
            XCTAssertEqual(response.json["cache"] as? String, "memory")
            XCTAssertEqual(response.json["version"] as? String, ServiceVersion.current)
            XCTAssertNotNil(response.json["uptime_s"] as? Int)
            XCTAssertEqual(harness.stub.stats.requests, 0)
        }
    }

    func testReadyIs200WhenEveryCheckPassesAnd503NamingTheOneThatFails() async throws {
        try await ServiceHarness.run(readinessChecks: ["redis": {}]) { _, client in
            let response = try await client.execute(uri: "/ready", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.json["checks"] as? [String: String], ["redis": "ok"])
        }
        try await ServiceHarness.run(readinessChecks: ["redis": { throw Down() }, "other": {}]) { _, client in
            let response = try await client.execute(uri: "/ready", method: .get)
            XCTAssertEqual(response.status, .serviceUnavailable)
            XCTAssertEqual(response.json["status"] as? String, "not_ready")
            XCTAssertEqual(response.json["checks"] as? [String: String], ["redis": "unavailable", "other": "ok"])
        }
    }

    func testASlowCheckIsATimeoutWithinItsBound() async throws {
        try await ServiceHarness.run(readinessChecks: ["redis": { try await Task.sleep(for: .seconds(2)) }]) { _, client in
            let start = ContinuousClock.now
            let response = try await client.execute(uri: "/ready", method: .get)
            XCTAssertEqual(response.status, .serviceUnavailable)
            XCTAssertEqual(response.json["checks"] as? [String: String], ["redis": "timeout"])
            XCTAssertLessThan(ContinuousClock.now - start, .seconds(1))
        }
    }
}
