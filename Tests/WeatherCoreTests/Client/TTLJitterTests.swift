import Foundation
import WeatherCore
import WeatherTesting
import XCTest

final class TTLJitterTests: XCTestCase {
    private func storedEntry(random: Double) async throws -> (CacheEntry, Duration, Date) {
        let h = Harness(random: .constant(random))
        try await h.prime()
        guard case .set(_, let entry, let ttl)? = h.store.operations.last else {
            XCTFail("nothing stored")
            throw CancellationError()
        }
        return (entry, ttl, h.clock.now)
    }

    func testFreshLifetimeIsJitteredWithinTenPercent() async throws {
        for (unit, fresh) in [(0.0, 540.0), (0.5, 600.0), (0.999, 659.88)] {
            let (entry, ttl, now) = try await storedEntry(random: unit)
            XCTAssertEqual(entry.freshUntil.timeIntervalSince(now), fresh, accuracy: 0.001)
            XCTAssertEqual(entry.staleUntil.timeIntervalSince(entry.freshUntil), 3600, accuracy: 0.001)
            XCTAssertEqual(ttl.seconds, fresh + 3600, accuracy: 0.001, "the store keeps it through the stale window")
        }
    }

    func testSystemRandomStaysWithinBounds() async throws {
        let h = Harness(random: .system)
        h.transport.always(.any, .json(Reading.json(temp: 1)))
        for i in 0..<200 { _ = try await h.reading(Harness.request("c\(i)")) }
        let lifetimes = h.store.operations.compactMap { operation -> Double? in
            guard case .set(_, let entry, _) = operation else { return nil }
            return entry.freshUntil.timeIntervalSince(entry.fetchedAt)
        }
        XCTAssertEqual(lifetimes.count, 200)
        XCTAssertTrue(lifetimes.allSatisfy { (540...660).contains($0) })
        XCTAssertGreaterThan(Set(lifetimes.map { Int($0) }).count, 20, "expiries are spread")
    }
}
