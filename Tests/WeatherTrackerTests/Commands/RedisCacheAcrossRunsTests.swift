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
}
