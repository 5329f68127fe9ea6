import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

/// A shared quota that can be switched off, as Redis going away and coming back.
private final class SwitchableQuotaStore: QuotaStore {
    let base: QuotaGovernor
    let reachable = Atomic<Bool>(true)
    let cooldowns = Mutex<[Duration]>([])

    init(policy: QuotaPolicy, clock: ManualClock) { base = QuotaGovernor(policy: policy, clock: clock) }

    func acquire(_ family: EndpointFamily) async throws -> QuotaDecision {
        guard reachable.load(ordering: .relaxed) else {
            throw WeatherError(code: .cacheUnavailable, message: "Redis is unreachable")
        }
        return await base.acquire(family)
    }

    func startCooldown(_ duration: Duration) async throws {
        guard reachable.load(ordering: .relaxed) else {
            throw WeatherError(code: .cacheUnavailable, message: "Redis is unreachable")
        }
        cooldowns.withLock { $0.append(duration) }
        await base.startCooldown(duration)
    }
}

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
        let shared = SwitchableQuotaStore(policy: policy, clock: clock)
        let events = RecordingObserver()
        let store = FallbackQuotaStore(shared: shared, policy: policy, replicas: 3, clock: clock, observer: events)

        let sharedGrants = try await grants(store, 10)
        XCTAssertEqual(sharedGrants, 10)
        XCTAssertFalse(store.isUsingLocalBudget)

        shared.reachable.store(false, ordering: .relaxed)
        let localGrants = try await grants(store, 100)
        XCTAssertEqual(localGrants, 40, "120 / 3 replicas")
        XCTAssertTrue(store.isUsingLocalBudget)

        shared.reachable.store(true, ordering: .relaxed)
        let again = try await grants(store, 200)
        XCTAssertEqual(again, 110, "the shared window still holds the first 10")
        XCTAssertFalse(store.isUsingLocalBudget)
        let switches = events.events(.quotaFallback).compactMap(\.quotaFallbackActive)
        XCTAssertEqual(switches, [true, false], "one event per switch")
    }

    func testCooldownsGoToBothAndHoldLocallyWhileTheSharedStoreIsAway() async throws {
        let clock = ManualClock()
        let shared = SwitchableQuotaStore(policy: QuotaPolicy(callsPerMinute: 120), clock: clock)
        let store = FallbackQuotaStore(
            shared: shared, policy: QuotaPolicy(callsPerMinute: 120), replicas: 2, clock: clock)
        try await store.startCooldown(.seconds(5))
        XCTAssertEqual(shared.cooldowns.withLock { $0 }, [.seconds(5)])
        shared.reachable.store(false, ordering: .relaxed)
        let decision = try await store.acquire(.current)
        guard case .coolingDown(let remaining) = decision else { return XCTFail("\(decision)") }
        XCTAssertEqual(remaining, .seconds(5))
        clock.advance(by: .seconds(5))
        let after = try await grants(store, 1)
        XCTAssertEqual(after, 1)
    }
}
