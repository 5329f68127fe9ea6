import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import WeatherCache
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// `/ready` against a TLS Redis whose certificate the configured CA did not sign: 503, naming TLS.
final class RedisTLSReadinessTests: XCTestCase {
    func testReadyIs503NamingTLSWhenTheCADoesNotVerifyTheServer() async throws {
        let server: TLSRedisServer
        do {
            server = try TLSRedisServer()
        } catch let unavailable as TLSRedisUnavailable {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(unavailable.message) }
            throw XCTSkip(unavailable.message)
        }
        defer { server.stop() }
        let environment = ["REDIS_URL": server.url(), "REDIS_TLS_CA_FILE": server.material.wrongCAFile]
        let redisConfiguration = try XCTUnwrap(try ServiceConfiguration(environment: environment).redis)
        let redis = RedisCacheStore(configuration: redisConfiguration)
        // The first connect fails at once; /ready then reports the pool's last failure.
        _ = try? await redis.ping()
        try await ServiceHarness.run(readinessChecks: ["redis": { try await RedisReadiness.check(redis) }]) { _, client in
            let response = try await client.execute(uri: "/ready", method: .get)
            XCTAssertEqual(response.status, .serviceUnavailable)
            let check = (response.json["checks"] as? [String: String])?["redis"] ?? ""
            XCTAssertTrue(check.hasPrefix("unavailable: TLS: certificate verify failed: "), check)
            XCTAssertTrue(check.contains("no trusted CA signed the server's certificate"), check)
        }
        await redis.shutdown()
    }
}
