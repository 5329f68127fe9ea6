import ArgumentParser
import WeatherCore
import XCTest

@testable import weather_tracker

final class SettingsTests: XCTestCase {
    private func settings(_ arguments: [String], _ environment: [String: String]) throws -> Settings {
        Settings(options: try LookupOptions.parse(arguments), environment: environment)
    }

    func testNoKeyMeansDemo() throws {
        let resolved = try settings([], [:])
        XCTAssertTrue(resolved.demo)
        XCTAssertNil(resolved.apiKey)
        XCTAssertEqual(resolved.cache, .memory)
    }

    func testEnvironmentThenFlagsWin() throws {
        let environment = [
            "OPENWEATHER_API_KEY": "env-key", "OPENWEATHER_BASE_URL": "http://env", "REDIS_URL": "redis://env:1/0",
        ]
        let fromEnvironment = try settings([], environment)
        XCTAssertFalse(fromEnvironment.demo)
        XCTAssertEqual(fromEnvironment.apiKey, "env-key")
        XCTAssertEqual(fromEnvironment.baseURL, "http://env")
        XCTAssertEqual(fromEnvironment.cache, .redis(url: "redis://env:1/0"))

        let fromFlags = try settings(
            ["--api-key", "flag-key", "--base-url", "http://flag", "--redis-url", "redis://flag:2/0"], environment)
        XCTAssertEqual(fromFlags.apiKey, "flag-key")
        XCTAssertEqual(fromFlags.baseURL, "http://flag")
        XCTAssertEqual(fromFlags.cache, .redis(url: "redis://flag:2/0"))
    }

    func testDemoFlagOverridesAKey() throws {
        let resolved = try settings(["--demo"], ["OPENWEATHER_API_KEY": "env-key"])
        XCTAssertTrue(resolved.demo)
        XCTAssertNil(resolved.apiKey)
    }

    func testRedisFromHostPortAndPassword() throws {
        let resolved = try settings([], ["REDIS_HOST": "cache", "REDIS_PORT": "6380", "REDIS_PASSWORD": "p@ss:w"])
        XCTAssertEqual(resolved.cache, .redis(url: "redis://:p%40ss%3Aw@cache:6380/0"))
        XCTAssertEqual(try settings([], ["REDIS_HOST": "cache"]).cache, .redis(url: "redis://cache:6379/0"))
    }

    func testDatesAndExcludeLists() throws {
        XCTAssertEqual(try DateArgument.parse("2024-03-01", option: "--from").timeIntervalSince1970, 1_709_251_200)
        XCTAssertEqual(try DateArgument.parse("1709251200", option: "--from").timeIntervalSince1970, 1_709_251_200)
        XCTAssertThrowsError(try DateArgument.parse("yesterday", option: "--from"))
        XCTAssertEqual(try ExcludeList.parse("minutely, Alerts"), [.minutely, .alerts])
        XCTAssertThrowsError(try ExcludeList.parse("weekly"))
    }
}
