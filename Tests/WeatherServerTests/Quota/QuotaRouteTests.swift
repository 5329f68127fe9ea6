import Foundation
import HTTPTypes
import HummingbirdTesting
import OpenWeatherStub
import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// `GET /v1/quota` against what upstream (the stub) really saw.
final class QuotaRouteTests: XCTestCase {
    static let policy = QuotaPolicy(callsPerMinute: 60, dailyBudget: [.oneCall: 1_000])

    func testTheFiguresCountTheCallsTheStubSawAndNeverShowTheKey() async throws {
        let key = "quota-route-secret-0123456789abcdef"
        try await ServiceHarness.run(apiKey: key, stubKey: key, quota: Self.policy) { harness, client in
            let before = try await client.execute(uri: "/v1/quota", method: .get)
            XCTAssertEqual(before.status, .ok, before.text)
            XCTAssertEqual(before.headers[.contentType], "application/json")
            XCTAssertEqual(before.headers[.cacheControl], "no-store")
            XCTAssertEqual(Self.usage(before, "per_minute")?["used"] as? Int, 0)

            for target in [
                "/v1/weather/current?city=Oslo", "/v1/weather/current?city=Bergen", "/v1/air?lat=48.85&lon=2.35",
                "/v1/weather/onecall?lat=59.91&lon=10.75", "/v1/weather/current?city=Oslo",
            ] {
                let response = try await client.execute(uri: target, method: .get)
                XCTAssertEqual(response.status, .ok, "\(target): \(response.text)")
            }
            let upstream = harness.stub.stats.requests
            XCTAssertGreaterThanOrEqual(upstream, 4, "the repeat was a hit")
            let after = try await client.execute(uri: "/v1/quota", method: .get)
            let body = after.json
            XCTAssertEqual(body["scope"] as? String, "local", "no Redis: this process's books")
            XCTAssertEqual(body["key_fingerprint"] as? String, APIKey(key).fingerprint)
            XCTAssertFalse(after.text.contains(key), "the key itself never appears")
            let minute = try XCTUnwrap(Self.usage(after, "per_minute"))
            XCTAssertEqual(minute["used"] as? Int, upstream, "every call upstream saw, none other")
            XCTAssertEqual(minute["limit"] as? Int, 60)
            XCTAssertEqual(minute["remaining"] as? Int, 60 - upstream)
            XCTAssertNotNil(minute["resets_at"] as? String)
            let daily = try XCTUnwrap(body["daily"] as? [String: Any])
            let oneCall = try XCTUnwrap(daily["onecall"] as? [String: Any])
            // One Call 3.0 and 4.0 (the version is detected per key) share the One Call budget.
            let oneCalls = harness.stub.stats.requestsByPath.filter { $0.key.contains("/onecall") }.values.reduce(0, +)
            XCTAssertGreaterThan(oneCalls, 0)
            XCTAssertEqual(oneCall["used"] as? Int, oneCalls)
            XCTAssertEqual(oneCall["remaining"] as? Int, 1_000 - (oneCall["used"] as? Int ?? 0))
            let cooldown = try XCTUnwrap(body["cooldown"] as? [String: Any])
            XCTAssertEqual(cooldown["active"] as? Bool, false)

            // The window slides: a minute later the calls have left it, the day keeps them.
            harness.clock.advance(by: .seconds(61))
            let later = try await client.execute(uri: "/v1/quota", method: .get)
            XCTAssertEqual(Self.usage(later, "per_minute")?["used"] as? Int, 0)
            XCTAssertEqual(
                ((later.json["daily"] as? [String: Any])?["onecall"] as? [String: Any])?["used"] as? Int,
                oneCall["used"] as? Int)
        }
    }

    func testAnUpstream429ShowsAsACooldown() async throws {
        try await ServiceHarness.run(quota: Self.policy) { harness, client in
            harness.stub.inject(.rateLimited(retryAfter: 30), pathPrefix: "/data/2.5/weather", times: 1)
            let refused = try await client.execute(uri: "/v1/weather/current?city=Rome", method: .get)
            XCTAssertEqual(refused.status, .tooManyRequests, refused.text)
            let quota = try await client.execute(uri: "/v1/quota", method: .get)
            let cooldown = try XCTUnwrap(quota.json["cooldown"] as? [String: Any])
            XCTAssertEqual(cooldown["active"] as? Bool, true)
            XCTAssertEqual(cooldown["remaining_s"] as? Int, 30)
            XCTAssertNotNil(cooldown["until"] as? String)
        }
    }

    func testSharedFiguresThenTheLocalBudgetWhileTheSharedStoreIsAway() async throws {
        let shared = Mutex<InMemoryQuotaStore?>(nil)
        let makeQuota: @Sendable (ManualClock) -> any QuotaStore = { clock in
            let store = InMemoryQuotaStore(policy: Self.policy, clock: clock)
            shared.withLock { $0 = store }
            return FallbackQuotaStore(shared: store, policy: Self.policy, replicas: 3, clock: clock)
        }
        try await ServiceHarness.run(quota: Self.policy, quotaStore: makeQuota) { harness, client in
            let store = try XCTUnwrap(shared.withLock { $0 })
            _ = try await client.execute(uri: "/v1/weather/current?city=Lyon", method: .get)
            // Another replica spends from the same shared store.
            _ = try await store.acquire(.current)
            let sharedView = try await client.execute(uri: "/v1/quota", method: .get)
            XCTAssertEqual(sharedView.json["scope"] as? String, "shared")
            XCTAssertEqual(Self.usage(sharedView, "per_minute")?["used"] as? Int, harness.stub.stats.requests + 1)

            store.breakConnection()
            _ = try await client.execute(uri: "/v1/weather/current?city=Nice", method: .get)
            let localView = try await client.execute(uri: "/v1/quota", method: .get)
            XCTAssertEqual(localView.status, .ok, localView.text)
            XCTAssertEqual(localView.json["scope"] as? String, "local")
            let minute = try XCTUnwrap(Self.usage(localView, "per_minute"))
            XCTAssertEqual(minute["limit"] as? Int, 20, "the budget divided among 3 replicas")
            XCTAssertEqual(
                minute["used"] as? Int, harness.stub.stats.requests, "this replica's own calls, before and during")

            store.breakConnection(false)
            let back = try await client.execute(uri: "/v1/quota", method: .get)
            XCTAssertEqual(back.json["scope"] as? String, "shared")
        }
    }

    static func usage(_ response: TestResponse, _ name: String) -> [String: Any]? {
        response.json[name] as? [String: Any]
    }
}
