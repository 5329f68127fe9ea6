import Foundation
import WeatherCore
import XCTest

@testable import WeatherCache

/// ``RedisQuotaStore/snapshot()``: the account's figures, the same from every replica, read
/// without spending; and the fallback's local figures once Redis is gone.
final class RedisQuotaSnapshotTests: XCTestCase {
    private let key = APIKey("raw-secret-key-snapshot-0123456789")
    private var server: RedisServerProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private func granted(_ decision: QuotaDecision) -> Bool {
        if case .granted = decision { true } else { false }
    }

    func testEveryReplicaReadsTheSameSharedFiguresAndReadingSpendsNothing() async throws {
        let policy = QuotaPolicy(callsPerMinute: 50, dailyBudget: [.oneCall: 100])
        let prefix = "issue26-quota:\(UUID().uuidString):"
        let stores = [
            try await RedisTestEnvironment.store(for: self, prefix: prefix),
            try await RedisTestEnvironment.store(for: self, prefix: prefix),
        ]
        let quotas = stores.map { RedisQuotaStore(store: $0, apiKey: key, policy: policy) }
        let empty = try await snap(quotas[0])
        XCTAssertEqual(empty.scope, .shared)
        XCTAssertEqual(empty.perMinute, QuotaUsage(limit: 50, used: 0, resetsAt: nil))
        XCTAssertEqual(empty.daily[.oneCall]?.used, 0)
        XCTAssertNil(empty.cooldownRemaining)

        for i in 0..<5 {
            let decision = try await quotas[i % 2].acquire(i < 2 ? .oneCall : .current)
            XCTAssertTrue(granted(decision), "\(decision)")
        }
        for quota in quotas {
            let snapshot = try await snap(quota)
            XCTAssertEqual(snapshot.perMinute?.used, 5)
            XCTAssertEqual(snapshot.perMinute?.remaining, 45)
            let back = try XCTUnwrap(snapshot.perMinute?.resetsAt).timeIntervalSince(snapshot.takenAt)
            XCTAssertGreaterThan(back, 55)
            XCTAssertLessThanOrEqual(back, 61)
            XCTAssertEqual(snapshot.daily[.oneCall]?.used, 2)
            XCTAssertEqual(snapshot.daily[.oneCall]?.remaining, 98)
        }
        guard case .granted(let grant) = try await quotas[0].acquire(.current) else { return XCTFail() }
        XCTAssertEqual(grant.perMinuteLeft, 44, "the reads spent nothing")

        try await quotas[1].startCooldown(.seconds(20))
        let cooling = try await snap(quotas[0])
        let left = try XCTUnwrap(cooling.cooldownRemaining)
        XCTAssertGreaterThan(left, .seconds(19))
        XCTAssertLessThanOrEqual(left, .seconds(20))
    }

    func testTheWindowSlidesInTheSnapshot() async throws {
        let store = try await RedisTestEnvironment.store(for: self, prefix: "issue26-quota:\(UUID().uuidString):")
        let quota = RedisQuotaStore(
            store: store, apiKey: key, policy: QuotaPolicy(callsPerMinute: 3), window: .milliseconds(400))
        _ = try await quota.acquire(.current)
        _ = try await quota.acquire(.air)
        let full = try await snap(quota)
        XCTAssertEqual(full.perMinute?.used, 2)
        try await Task.sleep(for: .milliseconds(450))
        let later = try await snap(quota)
        XCTAssertEqual(later.perMinute, QuotaUsage(limit: 3, used: 0, resetsAt: nil))
    }

    func testAfterRedisDiesTheFallbackShowsItsLocalBooks() async throws {
        let server = try RedisServerProcess()
        self.server = server
        let store = shuttingDownAtTeardown(
            RedisCacheStore(
                configuration: .init(
                    port: server.port, keyPrefix: "issue26-quota:", poolSize: 2, connectTimeout: .milliseconds(200),
                    commandTimeout: .milliseconds(200))))
        let policy = QuotaPolicy(callsPerMinute: 60, dailyBudget: [.oneCall: 1_000])
        let fallback = FallbackQuotaStore(
            shared: RedisQuotaStore(store: store, apiKey: key, policy: policy), policy: policy, replicas: 2)
        for _ in 0..<3 { _ = try await fallback.acquire(.oneCall) }
        let shared = try await snap(fallback)
        XCTAssertEqual(shared.scope, .shared)
        XCTAssertEqual(shared.perMinute?.used, 3)

        server.kill9()
        let local = try await snap(fallback)
        XCTAssertEqual(local.scope, .local)
        XCTAssertEqual(local.perMinute?.limit, 30, "the budget divided between 2 replicas")
        XCTAssertEqual(local.perMinute?.used, 3, "the calls granted through Redis count locally too")
        XCTAssertEqual(
            local.daily[.oneCall], QuotaUsage(limit: 500, used: 3, resetsAt: local.daily[.oneCall]?.resetsAt))
        _ = try await fallback.acquire(.oneCall)
        let after = try await snap(fallback)
        XCTAssertEqual(after.perMinute?.used, 4)
        XCTAssertEqual(after.daily[.oneCall]?.used, 4)
    }

    /// The figures of `store`, which must keep some.
    private func snap(_ store: any QuotaStore, file: StaticString = #filePath, line: UInt = #line) async throws
        -> QuotaSnapshot
    {
        let snapshot = try await store.snapshot()
        return try XCTUnwrap(snapshot, "no figures", file: file, line: line)
    }
}
