import ArgumentParser
import Foundation
import WeatherCache
import WeatherCore
import WeatherServer
@testable import WeatherServerCore
import XCTest

@testable import weather_tracker

final class SettingsTests: XCTestCase {
    private func settings(_ arguments: [String], _ environment: [String: String]) throws -> Settings {
        try Settings(options: try LookupOptions.parse(arguments), environment: environment)
    }

    func testNoKeyMeansDemo() throws {
        let resolved = try settings([], [:])
        XCTAssertTrue(resolved.demo)
        XCTAssertNil(resolved.apiKey)
        XCTAssertNil(resolved.redis)
    }

    func testEnvironmentThenFlagsWin() throws {
        let environment = [
            "OPENWEATHER_API_KEY": "env-key", "OPENWEATHER_BASE_URL": "http://env", "REDIS_URL": "redis://env:1/0",
        ]
        let fromEnvironment = try settings([], environment)
        XCTAssertFalse(fromEnvironment.demo)
        XCTAssertEqual(fromEnvironment.apiKey, APIKey("env-key"))
        XCTAssertEqual(fromEnvironment.baseURL, "http://env")
        XCTAssertEqual(fromEnvironment.redis, try redis("redis://env:1/0"))

        let fromFlags = try settings(
            ["--api-key", "flag-key", "--base-url", "http://flag", "--redis-url", "redis://flag:2/0"], environment)
        XCTAssertEqual(fromFlags.apiKey, APIKey("flag-key"))
        XCTAssertEqual(fromFlags.baseURL, "http://flag")
        XCTAssertEqual(fromFlags.redis, try redis("redis://flag:2/0"))
    }

    /// The configuration `url` means, as the CLI uses it (one connection).
    private func redis(_ url: String) throws -> RedisCacheStore.Configuration {
        var configuration = try RedisCacheStore.Configuration(url: url)
        configuration.poolSize = 1
        return configuration
    }

    func testSharedSettingsAreReadAsServeReadsThem() throws {
        let resolved = try settings(
            [], [
                "OPENWEATHER_API_KEY": "k", "REDIS_HOST": "cache", "REDIS_DB": "3", "REDIS_KEY_PREFIX": "team:",
                "QUOTA_PER_MINUTE": "7", "QUOTA_ONECALL_PER_DAY": "9", "QUOTA_REPLICAS": "2",
            ])
        XCTAssertEqual(resolved.redis?.database, 3, "REDIS_DB")
        XCTAssertEqual(resolved.redis?.keyPrefix, "team:", "REDIS_KEY_PREFIX")
        XCTAssertEqual(resolved.quota.callsPerMinute, 7)
        XCTAssertEqual(resolved.quota.dailyBudget[.oneCall], 9)
        XCTAssertEqual(resolved.quotaReplicas, 2)
        XCTAssertThrowsError(try settings([], ["REDIS_DB": "x", "REDIS_HOST": "cache"])) { error in
            XCTAssertEqual((error as? ConfigurationError)?.variable, "REDIS_DB")
        }
        XCTAssertThrowsError(try settings([], ["DEMO": "0"])) { error in
            XCTAssertEqual((error as? ConfigurationError)?.variable, "OPENWEATHER_API_KEY")
        }
    }

    func testDemoFlagOverridesAKey() throws {
        let resolved = try settings(["--demo"], ["OPENWEATHER_API_KEY": "env-key"])
        XCTAssertTrue(resolved.demo)
        XCTAssertNil(resolved.apiKey)
    }

    func testSecretFilesAreReadAsServeReadsThemAndTheKeyFlagWinsOverTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("api-key")
        let password = directory.appendingPathComponent("redis-password")
        try Data("file-key-0123456789\n".utf8).write(to: key)
        try Data("file-pw\n".utf8).write(to: password)
        let environment = [
            "OPENWEATHER_API_KEY_FILE": key.path, "REDIS_URL": "rediss://cache:6380/0", "REDIS_PASSWORD_FILE": password.path,
        ]
        let resolved = try settings([], environment)
        XCTAssertEqual(resolved.apiKey, APIKey("file-key-0123456789"))
        XCTAssertEqual(resolved.redis?.password, "file-pw")
        XCTAssertNotNil(resolved.redis?.tls)
        XCTAssertEqual(try settings(["--api-key", "flag-key"], environment).apiKey, APIKey("flag-key"))
        XCTAssertThrowsError(try settings([], ["OPENWEATHER_API_KEY_FILE": directory.appendingPathComponent("no").path])) {
            XCTAssertEqual(($0 as? ConfigurationError)?.variable, "OPENWEATHER_API_KEY_FILE")
        }
    }

    func testRedisFromHostPortAndPassword() throws {
        let resolved = try settings([], ["REDIS_HOST": "cache", "REDIS_PORT": "6380", "REDIS_PASSWORD": "p@ss:w"])
        XCTAssertEqual(resolved.redis, try redis("redis://:p%40ss%3Aw@cache:6380/0"))
        XCTAssertEqual(try settings([], ["REDIS_HOST": "cache"]).redis, try redis("redis://cache:6379/0"))
    }

    func testDatesAndExcludeLists() throws {
        XCTAssertEqual(try DateArgument.parse("2024-03-01", option: "--from").timeIntervalSince1970, 1_709_251_200)
        XCTAssertEqual(try DateArgument.parse("1709251200", option: "--from").timeIntervalSince1970, 1_709_251_200)
        XCTAssertThrowsError(try DateArgument.parse("yesterday", option: "--from"))
        XCTAssertEqual(try ExcludeList.parse("minutely, Alerts"), [.minutely, .alerts])
        XCTAssertThrowsError(try ExcludeList.parse("weekly"))
    }
}
