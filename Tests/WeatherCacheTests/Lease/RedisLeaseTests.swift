import Foundation
import WeatherCache
import WeatherCore
import XCTest

/// The tracker's lease: two stores on one prefix stand for two replicas.
final class RedisLeaseTests: XCTestCase {
    private func twoReplicas() async throws -> (RedisLease, RedisLease) {
        let prefix = "test:\(UUID().uuidString):"
        let a = try await RedisTestEnvironment.store(for: self, prefix: prefix)
        let b = try await RedisTestEnvironment.store(for: self, prefix: prefix)
        return (RedisLease(store: a, name: "tracker"), RedisLease(store: b, name: "tracker"))
    }

    func testOneHolderAtATime() async throws {
        let (a, b) = try await twoReplicas()
        let first = try await a.acquire(holder: "a", ttl: .seconds(5))
        let second = try await b.acquire(holder: "b", ttl: .seconds(5))
        XCTAssertTrue(first)
        XCTAssertFalse(second)
    }

    func testOnlyTheHolderRenews() async throws {
        let (a, b) = try await twoReplicas()
        _ = try await a.acquire(holder: "a", ttl: .seconds(5))
        let byHolder = try await a.renew(holder: "a", ttl: .seconds(5))
        let byOther = try await b.renew(holder: "b", ttl: .seconds(5))
        XCTAssertTrue(byHolder)
        XCTAssertFalse(byOther)
    }

    func testRenewalKeepsTheLeaseAliveAndADeadHolderIsTakenOver() async throws {
        let (a, b) = try await twoReplicas()
        _ = try await a.acquire(holder: "a", ttl: .milliseconds(300))
        for _ in 0..<4 {  // 800 ms of renewals: far past one TTL
            try await Task.sleep(for: .milliseconds(200))
            let renewed = try await a.renew(holder: "a", ttl: .milliseconds(300))
            XCTAssertTrue(renewed)
            let taken = try await b.acquire(holder: "b", ttl: .milliseconds(300))
            XCTAssertFalse(taken)
        }
        // "a" dies: it stops renewing. Within one TTL "b" takes over, and "a" cannot renew any more.
        try await Task.sleep(for: .milliseconds(350))
        let taken = try await b.acquire(holder: "b", ttl: .seconds(5))
        XCTAssertTrue(taken)
        let lateRenewal = try await a.renew(holder: "a", ttl: .seconds(5))
        XCTAssertFalse(lateRenewal)
    }

    func testReleaseFreesTheLeaseOnlyForItsHolder() async throws {
        let (a, b) = try await twoReplicas()
        _ = try await a.acquire(holder: "a", ttl: .seconds(5))
        try await b.release(holder: "b")
        let stillHeld = try await b.acquire(holder: "b", ttl: .seconds(5))
        XCTAssertFalse(stillHeld)
        try await a.release(holder: "a")
        let free = try await b.acquire(holder: "b", ttl: .seconds(5))
        XCTAssertTrue(free)
    }
}
