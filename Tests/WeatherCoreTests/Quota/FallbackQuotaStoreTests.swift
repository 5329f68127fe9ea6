import WeatherCore
import WeatherTesting
import XCTest

final class FallbackQuotaStoreTests: XCTestCase {
    private func grants(_ store: any QuotaStore, _ attempts: Int, family: EndpointFamily = .current) async throws -> Int
    {
        var count = 0
        for _ in 0..<attempts {
            if case .granted = try await store.acquire(family) { count += 1 }
        }
        return count
    }

    func testTheDividedPolicyIsNeverUnlimited() {
        let policy = QuotaPolicy(callsPerMinute: 120, dailyBudget: [.oneCall: 1_000])
        XCTAssertEqual(policy.divided(among: 3), QuotaPolicy(callsPerMinute: 40, dailyBudget: [.oneCall: 333]))
        XCTAssertEqual(QuotaPolicy(callsPerMinute: 2).divided(among: 5).callsPerMinute, 1, "at least one call")
        XCTAssertEqual(QuotaPolicy(callsPerMinute: 0).divided(among: 5).callsPerMinute, 0, "zero stays zero")
        XCTAssertEqual(policy.divided(among: 0), policy.divided(among: 1))
        XCTAssertNil(QuotaPolicy.unlimited.divided(among: 3).callsPerMinute, "no limit stays no limit")
    }

    func testSharedWhileReachableLocalDividedWhileNotAndSharedAgainAfter() async throws {
        let clock = ManualClock()
        let policy = QuotaPolicy(callsPerMinute: 120)
        let shared = InMemoryQuotaStore(policy: policy, clock: clock)
        let events = RecordingObserver()
        let store = FallbackQuotaStore(shared: shared, policy: policy, replicas: 3, clock: clock, observer: events)

        let sharedGrants = try await grants(store, 10)
        XCTAssertEqual(sharedGrants, 10)
        XCTAssertFalse(store.isUsingLocalBudget)

        shared.breakConnection()
        let localGrants = try await grants(store, 100)
        XCTAssertEqual(localGrants, 40, "120 / 3 replicas")
        XCTAssertTrue(store.isUsingLocalBudget)

        shared.breakConnection(false)
        let again = try await grants(store, 200)
        XCTAssertEqual(again, 110, "the shared window still holds the first 10")
        XCTAssertFalse(store.isUsingLocalBudget)
        let switches = events.events(.quotaFallback).compactMap(\.quotaFallbackActive)
        XCTAssertEqual(switches, [true, false], "one event per switch")
    }

    func testCooldownsGoToBothAndHoldLocallyWhileTheSharedStoreIsAway() async throws {
        let clock = ManualClock()
        let shared = InMemoryQuotaStore(policy: QuotaPolicy(callsPerMinute: 120), clock: clock)
        let store = FallbackQuotaStore(
            shared: shared, policy: QuotaPolicy(callsPerMinute: 120), replicas: 2, clock: clock)
        try await store.startCooldown(.seconds(5))
        XCTAssertEqual(shared.cooldowns, [.seconds(5)])
        shared.breakConnection()
        let decision = try await store.acquire(.current)
        guard case .coolingDown(let remaining) = decision else { return XCTFail("\(decision)") }
        XCTAssertEqual(remaining, .seconds(5))
        clock.advance(by: .seconds(5))
        let after = try await grants(store, 1)
        XCTAssertEqual(after, 1)
    }
}
