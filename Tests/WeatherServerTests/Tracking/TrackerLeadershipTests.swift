import Foundation
import Logging
import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// One tracker among replicas: two ``TrackerLeadership``s on one in-memory lease (real time, short TTLs).
final class TrackerLeadershipTests: XCTestCase {
    private final class Working: Sendable {
        let running = Atomic<Int>(0)
        let started = Atomic<Int>(0)
    }

    private static func leadership(
        _ holder: String, _ lease: InMemoryLease, _ working: Working, ttl: Duration = .milliseconds(600)
    )
        -> TrackerLeadership
    {
        TrackerLeadership(
            lease: lease, holder: holder, ttl: ttl, logger: Logger(label: "test"), metrics: nil,
            work: {
                working.started.add(1, ordering: .relaxed)
                working.running.add(1, ordering: .relaxed)
                defer { working.running.subtract(1, ordering: .relaxed) }
                try await Task.sleep(for: .seconds(3600))
            })
    }

    private func waitUntil(_ limit: Duration, _ condition: () -> Bool) async throws -> Duration {
        let start = ContinuousClock.now
        while !condition() {
            guard ContinuousClock.now - start < limit else {
                XCTFail("condition not met within \(limit)")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return ContinuousClock.now - start
    }

    func testOneReplicaWorksAndAnotherTakesOverWithinOneLeasePeriodWhenItDies() async throws {
        let lease = InMemoryLease()
        let a = Working()
        let b = Working()
        let leaderA = Self.leadership("a", lease, a)
        let first = Task { try await leaderA.lead() }
        _ = try await waitUntil(.seconds(2)) { a.running.load(ordering: .relaxed) == 1 }
        let leaderB = Self.leadership("b", lease, b)
        let second = Task { try await leaderB.lead() }
        defer { second.cancel() }
        try await Task.sleep(for: .milliseconds(1_500))  // 2.5 lease periods: "a" renews, "b" never starts
        XCTAssertEqual(b.started.load(ordering: .relaxed), 0, "one tracker at a time")
        XCTAssertEqual(lease.holder, "a")

        first.cancel()  // "a" dies without releasing the lease
        let takeover = try await waitUntil(.seconds(3)) { b.running.load(ordering: .relaxed) == 1 }
        XCTAssertLessThanOrEqual(takeover, .milliseconds(600 + 60 + 200), "within one lease period (+ one attempt)")
        XCTAssertEqual(lease.acquisitions, ["a", "b"])
    }

    func testTheHolderStopsBeforeItsLeaseCanExpireWhenItCannotRenew() async throws {
        let lease = InMemoryLease()
        let a = Working()
        let leaderA = Self.leadership("a", lease, a)
        let task = Task { try await leaderA.lead() }
        defer { task.cancel() }
        _ = try await waitUntil(.seconds(2)) { a.running.load(ordering: .relaxed) == 1 }
        lease.breakConnection()
        let stopped = try await waitUntil(.seconds(2)) { a.running.load(ordering: .relaxed) == 0 }
        XCTAssertLessThan(stopped, .milliseconds(600), "it stops inside the lease period it last renewed")
        lease.breakConnection(false)
        _ = try await waitUntil(.seconds(3)) { a.running.load(ordering: .relaxed) == 1 }
        XCTAssertEqual(a.started.load(ordering: .relaxed), 2, "it tracks again once the lease is back")
    }
}
