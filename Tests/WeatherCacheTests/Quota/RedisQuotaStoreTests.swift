import Foundation
import WeatherCore
import XCTest

@testable import WeatherCache

/// The account-wide quota in Redis: two stores on one prefix stand for two replicas.
final class RedisQuotaStoreTests: XCTestCase {
    private let key = APIKey("raw-secret-key-0123456789abcdef")

    private func replicas(
        _ count: Int, policy: QuotaPolicy, window: Duration = .seconds(60)
    ) async throws -> (stores: [RedisCacheStore], quotas: [RedisQuotaStore]) {
        let prefix = "test:\(UUID().uuidString):"
        var stores: [RedisCacheStore] = []
        for _ in 0..<count {
            stores.append(try await RedisTestEnvironment.store(for: self, poolSize: 2, prefix: prefix))
        }
        return (stores, stores.map { RedisQuotaStore(store: $0, apiKey: key, policy: policy, window: window) })
    }

    private func granted(_ decision: QuotaDecision) -> Bool {
        if case .granted = decision { true } else { false }
    }

    func testConcurrentGrantsFromTwoReplicasNeverExceedTheLimit() async throws {
        let (_, quotas) = try await replicas(2, policy: QuotaPolicy(callsPerMinute: 50))
        let decisions = try await withThrowingTaskGroup(of: QuotaDecision.self) { group in
            for i in 0..<400 { group.addTask { try await quotas[i % 2].acquire(.current) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(decisions.filter(granted).count, 50, "exactly the limit, across both replicas")
        for decision in decisions where !granted(decision) {
            guard case .exhausted(let retryAfter?) = decision else { return XCTFail("\(decision)") }
            XCTAssertGreaterThan(retryAfter, .zero)
            XCTAssertLessThanOrEqual(retryAfter, .seconds(60))
        }
    }

    func testTheWindowSlides() async throws {
        let (_, quotas) = try await replicas(2, policy: QuotaPolicy(callsPerMinute: 3), window: .milliseconds(600))
        for i in 0..<3 {
            let decision = try await quotas[i % 2].acquire(.current)
            XCTAssertTrue(granted(decision), "\(decision)")
        }
        let full = try await quotas[0].acquire(.forecast)
        guard case .exhausted(let retryAfter?) = full else { return XCTFail("\(full)") }
        XCTAssertLessThanOrEqual(retryAfter, .milliseconds(600))
        try await Task.sleep(for: .milliseconds(650))
        let back = try await quotas[1].acquire(.current)
        XCTAssertEqual(back, .granted(QuotaGrant(perMinuteLeft: 2)))
    }

    func testDailyBudgetPerFamily() async throws {
        let (_, quotas) = try await replicas(2, policy: QuotaPolicy(callsPerMinute: 100, dailyBudget: [.oneCall: 3]))
        var lefts: [Int?] = []
        for i in 0..<3 {
            guard case .granted(let grant) = try await quotas[i % 2].acquire(.oneCall) else { return XCTFail() }
            lefts.append(grant.todayLeft)
        }
        XCTAssertEqual(lefts, [2, 1, 0])
        let spent = try await quotas[0].acquire(.oneCall)
        guard case .exhausted(let retryAfter?) = spent else { return XCTFail("\(spent)") }
        XCTAssertGreaterThan(retryAfter, .zero)
        XCTAssertLessThanOrEqual(retryAfter, .seconds(86_400), "until the next UTC midnight")
        let other = try await quotas[1].acquire(.current)
        guard case .granted(let grant) = other else { return XCTFail("\(other)") }
        XCTAssertNil(grant.todayLeft, "other families have no daily budget")
        XCTAssertEqual(grant.perMinuteLeft, 96, "refused calls spent nothing")
    }

    func testASharedCooldownPausesEveryReplicaAndIsNeverShortened() async throws {
        let (_, quotas) = try await replicas(2, policy: QuotaPolicy(callsPerMinute: 100))
        try await quotas[0].startCooldown(.seconds(5))
        try await quotas[0].startCooldown(.milliseconds(100))
        let decision = try await quotas[1].acquire(.current)
        guard case .coolingDown(let remaining) = decision else { return XCTFail("\(decision)") }
        XCTAssertGreaterThan(remaining, .seconds(4))
        XCTAssertLessThanOrEqual(remaining, .seconds(5))
    }

    func testTheCooldownEnds() async throws {
        let (_, quotas) = try await replicas(2, policy: QuotaPolicy(callsPerMinute: 100))
        try await quotas[0].startCooldown(.milliseconds(200))
        let cooling = try await quotas[1].acquire(.current)
        XCTAssertFalse(granted(cooling))
        try await Task.sleep(for: .milliseconds(250))
        let after = try await quotas[1].acquire(.current)
        XCTAssertTrue(granted(after), "\(after)")
    }

    func testTheRawKeyIsInNoRedisKeyOrValue() async throws {
        let (stores, quotas) = try await replicas(
            1, policy: QuotaPolicy(callsPerMinute: 10, dailyBudget: [.oneCall: 5]))
        _ = try await quotas[0].acquire(.oneCall)
        try await quotas[0].startCooldown(.seconds(2))
        let pool = stores[0].pool
        let prefix = stores[0].configuration.keyPrefix
        guard case .array(let names) = try await pool.execute(RedisCommand("KEYS", Array(utf8: prefix + "*"))) else {
            return XCTFail("KEYS failed")
        }
        XCTAssertEqual(names.count, 3, "the window, the day counter and the cooldown")
        let secret = "raw-secret-key-0123456789abcdef"
        for case .bulk(let name) in names {
            let text = String(decoding: name, as: UTF8.self)
            XCTAssertFalse(text.contains(secret), text)
            XCTAssertTrue(text.contains(key.fingerprint), text)
            let type = try await pool.execute(RedisCommand("TYPE", name))
            let value: RedisReply =
                type == .status("zset")
                ? try await pool.execute(
                    RedisCommand("ZRANGE", name, Array(utf8: "0"), Array(utf8: "-1"), Array(utf8: "WITHSCORES")))
                : try await pool.execute(RedisCommand("GET", name))
            XCTAssertFalse("\(value)".contains(secret))
            let ttl = try await pool.execute(RedisCommand("PTTL", name))
            guard case .integer(let milliseconds) = ttl else { return XCTFail("\(ttl)") }
            XCTAssertGreaterThan(milliseconds, 0, "every quota key expires: \(text)")
        }
        XCTAssertFalse(key.fingerprint.contains(secret))
    }

    func testTheScriptIsLoadedAgainAfterAFlush() async throws {
        let (stores, quotas) = try await replicas(1, policy: QuotaPolicy(callsPerMinute: 10))
        _ = try await quotas[0].acquire(.current)
        _ = try await stores[0].pool.execute(RedisCommand("SCRIPT", Array(utf8: "FLUSH")))
        let decision = try await quotas[0].acquire(.current)
        XCTAssertEqual(decision, .granted(QuotaGrant(perMinuteLeft: 8)), "EVALSHA → NOSCRIPT → EVAL")
    }

    func testWithRedisDownTheFallbackSpendsTheDividedBudget() async throws {
        var configuration = try RedisCacheStore.Configuration(url: "redis://127.0.0.1:1/0")
        configuration.connectTimeout = .milliseconds(200)
        configuration.commandTimeout = .milliseconds(200)
        let dead = shuttingDownAtTeardown(RedisCacheStore(configuration: configuration))
        let policy = QuotaPolicy(callsPerMinute: 120, dailyBudget: [.oneCall: 1_000])
        let fallback = FallbackQuotaStore(
            shared: RedisQuotaStore(store: dead, apiKey: key, policy: policy), policy: policy, replicas: 3)
        var grants = 0
        for _ in 0..<100 where granted(try await fallback.acquire(.current)) { grants += 1 }
        XCTAssertEqual(grants, 40, "120 a minute divided among 3 replicas — never unlimited")
        XCTAssertTrue(fallback.isUsingLocalBudget)
    }
}
