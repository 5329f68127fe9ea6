import Foundation
import InMemoryTracing
import OpenWeatherStub
import Tracing
import WeatherCache
import WeatherCore
import WeatherHTTP
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The account budget's round trips are client spans with their decision, and the secrets of the
/// upstream URL and of Redis never reach a span.
final class TracedQuotaStoreTests: XCTestCase {
    func testEachQuotaRoundTripIsAClientSpanWithItsDecision() async throws {
        _ = TestTracer.shared
        let shared = InMemoryQuotaStore(policy: QuotaPolicy(callsPerMinute: 1))
        let store = TracedQuotaStore(base: shared)
        try await Self.inTrace("trace-quota") {
            _ = try await store.acquire(.current)
            _ = try await store.acquire(.forecast)
            try await store.startCooldown(.seconds(30))
            _ = try await store.acquire(.current)
            _ = try await store.snapshot()
        }
        let spans = TestTracer.spans(ofTrace: "trace-quota")
        XCTAssertEqual(
            spans.map(\.operationName),
            ["redis quota", "redis quota", "redis cooldown", "redis quota", "redis quota read"])
        XCTAssertTrue(spans.allSatisfy { $0.kind == .client && $0.parentSpanID == "lookup" })
        XCTAssertEqual(
            spans.map { $0.attribute("weather.quota.outcome") ?? "-" },
            ["granted", "exhausted", "-", "cooling_down", "-"])
        XCTAssertEqual(spans[1].attribute("weather.endpoint_family"), "forecast")
    }

    func testNeitherTheUpstreamURLsUserinfoNorTheRedisPasswordReachesASpan() async throws {
        _ = TestTracer.shared
        let urlPassword = "userinfo-secret-7c1e"
        let redisPassword = "redis-secret-92ab"
        try await OpenWeatherStub.withRunning { stub in
            // The stub ignores the userinfo; Redis refuses the password (or is not there): both
            // failures are where a secret could leak into an error recorded on a span.
            let baseURL = stub.baseURL.replacingOccurrences(of: "http://", with: "http://weather:\(urlPassword)@")
            var redisConfiguration = try RedisCacheStore.Configuration(
                url: "redis://default:\(redisPassword)@127.0.0.1:\(try LoopbackPortForTracing.redis)/0")
            redisConfiguration.connectTimeout = .milliseconds(300)
            redisConfiguration.commandTimeout = .milliseconds(300)
            // A Redis that takes the connection anyway must not answer from another test's entries.
            redisConfiguration.keyPrefix = "test:\(UUID().uuidString):"
            let redis = RedisCacheStore(configuration: redisConfiguration)
            let transport = CurlTransport()
            let shared = RedisQuotaStore(store: redis, apiKey: APIKey(OpenWeatherStub.Configuration.defaultAPIKey), policy: .unlimited)
            let client = WeatherClient(
                transport: transport, cache: TracedCacheStore(base: redis),
                configuration: .init(
                    apiKey: APIKey(OpenWeatherStub.Configuration.defaultAPIKey), baseURL: baseURL, retry: RetryPolicy(maxAttempts: 1)),
                quota: FallbackQuotaStore(
                    shared: TracedQuotaStore(base: shared), policy: .unlimited, replicas: 1))
            try await Self.inTrace("trace-userinfo") {
                _ = try? await client.current(for: .city(name: "Keytown"))
            }
            await client.drainBackgroundRefreshes()
            await transport.shutdown()
            await redis.shutdown()
        }
        let spans = TestTracer.spans(ofTrace: "trace-userinfo")
        XCTAssertTrue(spans.contains { $0.operationName == "upstream current" }, "\(spans.map(\.operationName))")
        XCTAssertTrue(spans.contains { $0.operationName == "redis GET" }, "\(spans.map(\.operationName))")
        let text = TestTracer.text(of: spans)
        for secret in [urlPassword, redisPassword, OpenWeatherStub.Configuration.defaultAPIKey] {
            XCTAssertFalse(text.contains(secret), "\(secret) found in spans:\n\(text)")
        }
    }

    /// Runs `body` inside a span context of trace `traceID` whose span is `lookup`.
    private static func inTrace(_ traceID: String, _ body: () async throws -> Void) async throws {
        var context = InstrumentationContext.topLevel
        context.inMemorySpanContext = InMemorySpanContext(traceID: traceID, spanID: "lookup", parentSpanID: nil)
        try await InstrumentationContext.$current.withValue(context) { try await body() }
    }
}

/// The test Redis's port (`REDIS_TEST_URL`, default 6399): with a wrong password it refuses AUTH;
/// absent, the connection is refused. Either way a round trip fails, which is what is checked.
private enum LoopbackPortForTracing {
    static var redis: Int {
        get throws {
            let url = ProcessInfo.processInfo.environment["REDIS_TEST_URL"] ?? "redis://127.0.0.1:6399/0"
            return try RedisCacheStore.Configuration(url: url).port
        }
    }
}
