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
        XCTAssertEqual(localGrants, 30, "120 / 3 replicas, less the 10 this replica spent through the shared store")
        XCTAssertTrue(store.isUsingLocalBudget)

        shared.breakConnection(false)
        let again = try await grants(store, 200)
        XCTAssertEqual(again, 80, "this replica spent 40 of its 120 in this minute, 30 of them unknown to the shared store")
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

    /// 60 calls through the shared store, then it goes away: the local window starts from those 60,
    /// so no 60 s window ever holds more than the budget.
    func testAnOutageDoesNotDoubleTheMinute() async throws {
        let clock = ManualClock()
        let policy = QuotaPolicy(callsPerMinute: 60)
        let shared = InMemoryQuotaStore(policy: policy, clock: clock)
        let store = FallbackQuotaStore(shared: shared, policy: policy, replicas: 1, clock: clock)
        let first = try await grants(store, 60)
        XCTAssertEqual(first, 60)
        shared.breakConnection()
        clock.advance(by: .seconds(3))
        let during = try await grants(store, 60)
        XCTAssertEqual(during, 0, "the minute is spent, wherever it was spent")
        clock.advance(by: .seconds(58))
        let later = try await grants(store, 100)
        XCTAssertEqual(later, 60, "a minute after the first calls the window is free again")
    }

    /// The day's One Call budget holds across an outage and a restart of a Redis without
    /// persistence: the shared store forgets, this replica does not.
    func testTheDailyBudgetHoldsAcrossAnOutageAndAShapeshiftingSharedStore() async throws {
        let clock = ManualClock()
        let policy = QuotaPolicy(callsPerMinute: 1_000, dailyBudget: [.oneCall: 5])
        let shared = InMemoryQuotaStore(policy: policy, clock: clock)
        let store = FallbackQuotaStore(shared: shared, policy: policy, replicas: 1, clock: clock)
        var total = try await grants(store, 10, family: .oneCall)
        shared.breakConnection()
        total += try await grants(store, 10, family: .oneCall)
        shared.forgetEverything()
        shared.breakConnection(false)
        clock.advance(by: .seconds(120))
        total += try await grants(store, 10, family: .oneCall)
        XCTAssertEqual(total, 5, "one day, one budget")
        let current = try await grants(store, 3, family: .current)
        XCTAssertEqual(current, 3, "families without a daily budget are not held back")
    }
}

/// Cancellation is not the shared store being unreachable.
final class FallbackQuotaCancellationTests: XCTestCase {
    func testAFailureOnceTheCallerIsCancelledNeitherSwitchesNorReports() async throws {
        let policy = QuotaPolicy(callsPerMinute: 120)
        let shared = InMemoryQuotaStore(policy: policy)
        shared.breakConnection()
        let events = RecordingObserver()
        let store = FallbackQuotaStore(shared: shared, policy: policy, replicas: 3, observer: events)
        let outcome = await Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await store.acquire(.current)
        }.result
        XCTAssertThrowsError(try outcome.get()) { XCTAssertTrue($0 is CancellationError, "\($0)") }
        XCTAssertTrue(events.events(.quotaFallback).isEmpty)
        XCTAssertFalse(store.isUsingLocalBudget)

        // The same failure for a caller that is not cancelled is a switch, reported once.
        _ = try await store.acquire(.current)
        XCTAssertEqual(events.events(.quotaFallback).map(\.quotaFallbackActive), [true])
    }

    func testACancellationErrorFromTheSharedStoreIsRethrown() async throws {
        let events = RecordingObserver()
        let store = FallbackQuotaStore(
            shared: CancellingQuotaStore(), policy: QuotaPolicy(callsPerMinute: 60), replicas: 1, observer: events)
        do {
            _ = try await store.acquire(.current)
            XCTFail("cancelled")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertTrue(events.events(.quotaFallback).isEmpty)
    }
}

/// A shared store that was shut down: every call is cancelled.
private struct CancellingQuotaStore: QuotaStore {
    func acquire(_ family: EndpointFamily) async throws -> QuotaDecision { throw CancellationError() }
    func startCooldown(_ duration: Duration) async throws { throw CancellationError() }
}
