import Foundation
import WeatherCore
import WeatherTesting
import XCTest

/// ``QuotaStore/snapshot()``: the figures as they stand, read without spending.
final class QuotaSnapshotTests: XCTestCase {
    private let policy = QuotaPolicy(callsPerMinute: 5, dailyBudget: [.oneCall: 10])

    func testTheGovernorCountsItsWindowAndDayWithoutSpending() async throws {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_700_000_000))
        let governor = QuotaGovernor(policy: policy, clock: clock)
        _ = await governor.acquire(.current)
        clock.advance(by: .seconds(20))
        _ = await governor.acquire(.oneCall)
        _ = await governor.acquire(.oneCall)

        let snapshot = try await snap(governor)
        XCTAssertEqual(snapshot.scope, .local)
        XCTAssertEqual(snapshot.perMinute?.used, 3)
        XCTAssertEqual(snapshot.perMinute?.remaining, 2)
        XCTAssertEqual(snapshot.perMinute?.resetsAt, clock.now.addingTimeInterval(40), "the oldest call leaves then")
        XCTAssertEqual(
            snapshot.daily[.oneCall], QuotaUsage(limit: 10, used: 2, resetsAt: Self.midnight(after: clock.now)))
        XCTAssertNil(snapshot.cooldownRemaining)
        let again = try await snap(governor)
        XCTAssertEqual(again.perMinute?.used, 3, "reading spends nothing")

        clock.advance(by: .seconds(41))
        let later = try await snap(governor)
        XCTAssertEqual(later.perMinute?.used, 2)
        XCTAssertEqual(later.perMinute?.resetsAt, clock.now.addingTimeInterval(19))
        clock.advance(by: .seconds(20))
        let empty = try await snap(governor)
        XCTAssertEqual(empty.perMinute, QuotaUsage(limit: 5, used: 0, resetsAt: nil))
        XCTAssertEqual(empty.daily[.oneCall]?.used, 2, "the day keeps its calls")
    }

    func testTheDayStartsAgainAtUTCMidnightAndACooldownShows() async throws {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 86_400 * 20_000 - 10))
        let governor = QuotaGovernor(policy: policy, clock: clock)
        _ = await governor.acquire(.oneCall)
        await governor.startCooldown(.seconds(30))
        let snapshot = try await snap(governor)
        XCTAssertEqual(snapshot.cooldownRemaining, .seconds(30))
        XCTAssertEqual(snapshot.daily[.oneCall]?.resetsAt, Date(timeIntervalSince1970: 86_400 * 20_000))
        clock.advance(by: .seconds(11))
        let tomorrow = try await snap(governor)
        XCTAssertEqual(tomorrow.daily[.oneCall]?.used, 0)
        XCTAssertEqual(tomorrow.cooldownRemaining, .seconds(19))
    }

    func testTheFallbackShowsTheSharedFiguresThenItsOwnWhileTheSharedStoreIsAway() async throws {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1_700_000_000))
        let whole = QuotaPolicy(callsPerMinute: 30, dailyBudget: [.oneCall: 90])
        let shared = InMemoryQuotaStore(policy: whole, clock: clock)
        let fallback = FallbackQuotaStore(shared: shared, policy: whole, replicas: 3, clock: clock)
        _ = try await fallback.acquire(.oneCall)
        _ = try await shared.acquire(.current)  // another replica

        let sharedView = try await snap(fallback)
        XCTAssertEqual(sharedView.scope, .shared)
        XCTAssertEqual(sharedView.perMinute?.used, 2)
        XCTAssertEqual(sharedView.perMinute?.limit, 30)
        XCTAssertEqual(sharedView.daily[.oneCall]?.used, 1)

        shared.breakConnection()
        let localView = try await snap(fallback)
        XCTAssertEqual(localView.scope, .local)
        XCTAssertEqual(localView.perMinute?.limit, 10, "the divided budget")
        XCTAssertEqual(localView.perMinute?.used, 1, "this replica's own call, made through the shared store")
        XCTAssertEqual(
            localView.daily[.oneCall], QuotaUsage(limit: 30, used: 1, resetsAt: Self.midnight(after: clock.now)))
        XCTAssertFalse(fallback.isUsingLocalBudget, "reading does not switch the budget")
    }

    func testAStoreWithoutFiguresSaysSo() async throws {
        struct GrantOnly: QuotaStore {
            func acquire(_ family: EndpointFamily) async throws -> QuotaDecision {
                .granted(QuotaGrant(perMinuteLeft: 1))
            }
            func startCooldown(_ duration: Duration) async throws {}
        }
        let snapshot = try await GrantOnly().snapshot()
        XCTAssertNil(snapshot)
    }

    static func midnight(after date: Date) -> Date {
        Date(timeIntervalSince1970: ((date.timeIntervalSince1970 / 86_400).rounded(.down) + 1) * 86_400)
    }

    /// The figures of `store`, which must keep some.
    private func snap(_ store: any QuotaStore, file: StaticString = #filePath, line: UInt = #line) async throws
        -> QuotaSnapshot
    {
        let snapshot = try await store.snapshot()
        return try XCTUnwrap(snapshot, "no figures", file: file, line: line)
    }
}
