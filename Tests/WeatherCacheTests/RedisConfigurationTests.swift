import WeatherCache
import WeatherCore
import XCTest

/// Parsing `redis://` URLs; needs no server.
final class RedisConfigurationTests: XCTestCase {
    func testFullURL() throws {
        let configuration = try RedisCacheStore.Configuration(url: "redis://alice:s%40cret@cache.local:6380/3")
        XCTAssertEqual(configuration.host, "cache.local")
        XCTAssertEqual(configuration.port, 6380)
        XCTAssertEqual(configuration.username, "alice")
        XCTAssertEqual(configuration.password, "s@cret")
        XCTAssertEqual(configuration.database, 3)
        XCTAssertEqual(configuration.keyPrefix, "weather:")
    }

    func testPasswordOnlyAndDefaults() throws {
        let configuration = try RedisCacheStore.Configuration(url: "redis://:pw@127.0.0.1")
        XCTAssertNil(configuration.username)
        XCTAssertEqual(configuration.password, "pw")
        XCTAssertEqual(configuration.port, 6379)
        XCTAssertEqual(configuration.database, 0)
    }

    func testDescriptionHidesThePassword() throws {
        let configuration = try RedisCacheStore.Configuration(url: "redis://alice:topsecret@127.0.0.1:6379/1")
        XCTAssertFalse(configuration.description.contains("topsecret"))
        XCTAssertTrue(configuration.description.contains("alice:***@127.0.0.1:6379/1"))
    }

    func testRejectsOtherSchemesAndBadPaths() {
        for url in ["http://127.0.0.1", "redis://127.0.0.1/abc", "redis:///0", "rediss:///0", "nonsense"] {
            XCTAssertThrowsError(try RedisCacheStore.Configuration(url: url), url) { error in
                XCTAssertEqual((error as? WeatherError)?.code, .invalidRequest, url)
            }
        }
    }

    func testRedissTurnsOnTLSTrustingTheSystemCAs() throws {
        let configuration = try RedisCacheStore.Configuration(url: "rediss://:pw@cache.example.com:6380/2")
        XCTAssertEqual(configuration.tls, RedisCacheStore.Configuration.TLS())
        XCTAssertEqual([configuration.host, String(configuration.port)], ["cache.example.com", "6380"])
        XCTAssertTrue(configuration.description.hasPrefix("rediss://:***@cache.example.com:6380/2"), configuration.description)
        XCTAssertNil(try RedisCacheStore.Configuration(url: "redis://127.0.0.1").tls)
    }

    // Issue 11, item 9.
    func testDumpAndReflectionHideThePassword() throws {
        let configuration = try RedisCacheStore.Configuration(url: "redis://alice:s3cr3t-pw@cache.internal:6380/3")
        var dumped = ""
        dump(configuration, to: &dumped)
        XCTAssertFalse(dumped.contains("s3cr3t-pw"), dumped)
        XCTAssertTrue(dumped.contains("***"), dumped)
        XCTAssertTrue(
            dumped.contains("alice") && dumped.contains("cache.internal"), "the rest stays visible: \(dumped)")
        let reflected = Mirror(reflecting: configuration).children.map { "\($0.label ?? ""): \($0.value)" }
        XCTAssertFalse(reflected.joined().contains("s3cr3t-pw"))
        XCTAssertFalse(String(reflecting: configuration).contains("s3cr3t-pw"))
    }
}
