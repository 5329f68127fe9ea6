import Logging
import WeatherCache
import WeatherCore
import XCTest

@testable import WeatherServerCore

final class ServiceConfigurationTests: XCTestCase {
    func testDefaultsAreDemoModeOnPort8000WithAMemoryCache() throws {
        let configuration = try ServiceConfiguration(environment: [:])
        XCTAssertTrue(configuration.isDemo)
        XCTAssertNil(configuration.redis)
        XCTAssertEqual(configuration.host, "0.0.0.0")
        XCTAssertEqual(configuration.port, 8000)
        XCTAssertEqual(configuration.shutdownTimeout, .seconds(10))
        XCTAssertEqual(configuration.logFormat, .text)
        XCTAssertEqual(configuration.quota.callsPerMinute, 60)
        XCTAssertEqual(configuration.quota.dailyBudget[.oneCall], 1_000)
        XCTAssertEqual(configuration.quotaReplicas, 1)
        XCTAssertEqual(configuration.trackerLeaseTTL, .seconds(15))
    }

    func testEveryVariableIsRead() throws {
        let configuration = try ServiceConfiguration(environment: [
            "OPENWEATHER_API_KEY": " key ", "OPENWEATHER_BASE_URL": "http://127.0.0.1:9100",
            "REDIS_HOST": "cache.internal", "REDIS_PORT": "6380", "REDIS_PASSWORD": "p@ss", "REDIS_DB": "3",
            "REDIS_KEY_PREFIX": "wt:", "HOST": "127.0.0.1", "PORT": "9000", "LOG_LEVEL": "WARN", "LOG_FORMAT": "json",
            "SHUTDOWN_TIMEOUT": "2.5", "UPSTREAM_TIMEOUT": "3s", "CACHE_TTL_CURRENT": "120", "QUOTA_PER_MINUTE": "600",
            "QUOTA_ONECALL_PER_DAY": "2000", "TRACKED_PLACES": "London,GB; Zürich,CH;40.71,-74.01;London,GB",
            "TRACKED_QUOTA_SHARE": "25%", "NEAR_CACHE_ENTRIES": "5", "NEAR_CACHE_BYTES": "1000", "IDLE_TIMEOUT": "30",
            "CONCURRENCY_EXECUTOR": "Cooperative", "MAX_CONNECTIONS": "500",
            "QUOTA_REPLICAS": "3", "TRACKER_LEASE_TTL": "7.5",
        ])
        XCTAssertFalse(configuration.isDemo)
        XCTAssertEqual(configuration.baseURL, "http://127.0.0.1:9100")
        let redis = try XCTUnwrap(configuration.redis)
        XCTAssertEqual([redis.host, String(redis.port), redis.password, String(redis.database), redis.keyPrefix], ["cache.internal", "6380", "p@ss", "3", "wt:"])
        XCTAssertEqual(configuration.host, "127.0.0.1")
        XCTAssertEqual(configuration.port, 9000)
        XCTAssertEqual(configuration.logLevel, .warning)
        XCTAssertEqual(configuration.logFormat, .json)
        XCTAssertEqual(configuration.shutdownTimeout, .milliseconds(2500))
        XCTAssertEqual(configuration.upstreamTimeout, .seconds(3))
        XCTAssertEqual(configuration.cachePolicy.rule(for: .current).freshFor, .seconds(120))
        XCTAssertEqual(configuration.quota.callsPerMinute, 600)
        XCTAssertEqual(configuration.quota.dailyBudget[.oneCall], 2000)
        XCTAssertEqual(configuration.trackedPlaces.count, 3, "duplicates are dropped")
        XCTAssertEqual(configuration.trackedQuotaShare, 0.25)
        XCTAssertEqual(configuration.nearCacheEntries, 5)
        XCTAssertEqual(configuration.idleTimeout, .seconds(30))
        XCTAssertEqual(configuration.maxConnections, 500)
        XCTAssertNil(ServiceConfiguration().maxConnections, "derived from the open-files limit at start")
        XCTAssertTrue(ServiceConfiguration.variables.contains("MAX_CONNECTIONS"))
        XCTAssertEqual(configuration.executor, .cooperative)
        XCTAssertEqual(ConcurrencyExecutor.chosen(in: ["CONCURRENCY_EXECUTOR": "Cooperative"]), .cooperative)
        XCTAssertEqual(ConcurrencyExecutor.chosen(in: [:]), .eventLoops, "NIO's event loops unless told otherwise")
        XCTAssertEqual(configuration.quotaReplicas, 3)
        XCTAssertEqual(configuration.trackerLeaseTTL, .milliseconds(7500))
    }

    func testTheClientLimitIsOnByDefaultAndConfigurable() throws {
        let defaults = try ServiceConfiguration(environment: [:]).clientLimit
        XCTAssertEqual(defaults, ClientLimit(isEnabled: true, ratePerSecond: 0.25, burst: 20, maxClients: 100_000, trustedProxyHops: 0))
        let configured = try ServiceConfiguration(environment: [
            "CLIENT_LIMIT": "OFF", "CLIENT_LIMIT_RATE": "2.5", "CLIENT_LIMIT_BURST": "50", "CLIENT_LIMIT_CLIENTS": "10",
            "TRUSTED_PROXY_HOPS": "2",
        ]).clientLimit
        XCTAssertEqual(configured, ClientLimit(isEnabled: false, ratePerSecond: 2.5, burst: 50, maxClients: 10, trustedProxyHops: 2))
        XCTAssertTrue(ServiceConfiguration.variables.contains("TRUSTED_PROXY_HOPS"))
    }

    func testRedisURLWinsOverHostAndIsValidated() throws {
        let configuration = try ServiceConfiguration(environment: ["REDIS_URL": "redis://:pw@10.0.0.2:6390/2", "REDIS_HOST": "ignored"])
        XCTAssertEqual(configuration.redis?.host, "10.0.0.2")
        XCTAssertEqual(configuration.redis?.database, 2)
        XCTAssertThrowsError(try ServiceConfiguration(environment: ["REDIS_URL": "redis://:secretpw@h/zero"])) { error in
            let error = error as? ConfigurationError
            XCTAssertEqual(error?.variable, "REDIS_URL")
            XCTAssertFalse(error?.description.contains("secretpw") ?? true, "the password leaked")
        }
    }

    func testInvalidValuesNameTheVariable() {
        let cases: [(String, String)] = [
            ("PORT", "80a"), ("PORT", "70000"), ("LOG_LEVEL", "loud"), ("LOG_FORMAT", "xml"), ("SHUTDOWN_TIMEOUT", "-1"),
            ("UPSTREAM_TIMEOUT", "forever"), ("CACHE_TTL_AIR", "0"), ("QUOTA_PER_MINUTE", "0"), ("TRACKED_PLACES", "London;;91,0"),
            ("TRACKED_QUOTA_SHARE", "2"), ("OPENWEATHER_BASE_URL", "ftp://x"), ("REDIS_PORT", "x"), ("IDLE_TIMEOUT", "0"),
            ("CONCURRENCY_EXECUTOR", "threads"), ("MAX_CONNECTIONS", "0"), ("MAX_CONNECTIONS", "many"),
            ("QUOTA_REPLICAS", "0"), ("TRACKER_LEASE_TTL", "0.1"),
            ("CLIENT_LIMIT", "maybe"), ("CLIENT_LIMIT_RATE", "0"), ("CLIENT_LIMIT_RATE", "nan"), ("CLIENT_LIMIT_BURST", "0"),
            ("CLIENT_LIMIT_CLIENTS", "-5"), ("TRUSTED_PROXY_HOPS", "17"),
        ]
        for (variable, value) in cases {
            var environment = [variable: value]
            if variable == "REDIS_PORT" { environment["REDIS_HOST"] = "h" }
            XCTAssertThrowsError(try ServiceConfiguration(environment: environment), "\(variable)=\(value)") { error in
                let error = error as? ConfigurationError
                XCTAssertEqual(error?.variable, variable)
                XCTAssertTrue(error?.description.hasPrefix("invalid configuration: \(variable): ") == true)
                XCTAssertFalse(error?.description.contains("\n") ?? true)
            }
        }
    }
}
