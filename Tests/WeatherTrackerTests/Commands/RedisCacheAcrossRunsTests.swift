import Foundation
import OpenWeatherStub
import WeatherCache
import XCTest

/// With Redis configured, the cache outlives the process: a second CLI run is a hit and the
/// upstream sees one request.
final class RedisCacheAcrossRunsTests: XCTestCase {
    private var redisURL: String {
        ProcessInfo.processInfo.environment["REDIS_TEST_URL"] ?? "redis://127.0.0.1:6399/0"
    }

    private func requireRedis() async throws {
        var configuration = try RedisCacheStore.Configuration(url: redisURL)
        configuration.poolSize = 1
        let store = RedisCacheStore(configuration: configuration)
        addTeardownBlock { await store.shutdown() }
        do {
            _ = try await store.ping()
        } catch {
            let message =
                "Redis at \(redisURL) is unreachable (\(error)); start it with scripts/redis-test-server.sh start"
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail(message)
                throw error
            }
            throw XCTSkip(message)
        }
    }

    func testSecondRunIsACacheHitAndUpstreamIsAskedOnce() async throws {
        try await requireRedis()
        try await OpenWeatherStub.withRunning { stub in
            let city = "Cachetown\(UUID().uuidString.prefix(8).lowercased())"
            let arguments = [
                "current", city, "-v", "--base-url", stub.baseURL,
                "--api-key", OpenWeatherStub.Configuration.defaultAPIKey,
            ]
            let environment = ["REDIS_URL": redisURL]
            let first = try await CLIProcess.run(arguments, environment: environment)
            XCTAssertEqual(first.status, 0, first.stderr)
            XCTAssertTrue(first.stderr.contains("cache: miss"), first.stderr)

            let second = try await CLIProcess.run(arguments, environment: environment)
            XCTAssertEqual(second.status, 0, second.stderr)
            XCTAssertTrue(second.stderr.contains("cache: hit (age "), second.stderr)
            XCTAssertEqual(first.stdout, second.stdout, "the same weather, from the cache")
            XCTAssertEqual(stub.stats.requestsByPath["/data/2.5/weather"], 1, "\(stub.stats)")
        }
    }

    /// A CLI lookup spends the budget every replica of the service shares in Redis: with
    /// `QUOTA_PER_MINUTE=2`, two runs spend it and the third is refused without reaching upstream
    /// (a run-local budget would start afresh every run and let all three through).
    func testCLILookupsSpendTheSharedBudget() async throws {
        try await requireRedis()
        try await OpenWeatherStub.withRunning(configuration: .init(apiKey: nil)) { stub in
            let unique = UUID().uuidString.prefix(8).lowercased()
            let environment = [
                "REDIS_URL": redisURL, "REDIS_KEY_PREFIX": "cli-quota-\(unique):", "QUOTA_PER_MINUTE": "2",
                "OPENWEATHER_API_KEY": "key-\(unique)", "OPENWEATHER_BASE_URL": stub.baseURL,
            ]
            for run in 1...2 {
                let result = try await CLIProcess.run(["current", "Quota\(run)town\(unique)"], environment: environment)
                XCTAssertEqual(result.status, 0, "run \(run): \(result.stderr)")
            }
            let third = try await CLIProcess.run(["current", "Quota3town\(unique)"], environment: environment)
            XCTAssertNotEqual(third.status, 0, "the shared budget of 2 per minute was spent: \(third.stdout)")
            XCTAssertTrue(third.stderr.lowercased().contains("quota") || third.stderr.contains("budget"), third.stderr)
            XCTAssertEqual(stub.stats.requestsByPath["/data/2.5/weather"], 2, "\(stub.stats)")
        }
    }
}
