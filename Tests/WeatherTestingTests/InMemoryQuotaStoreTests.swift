import WeatherCore
import WeatherTesting
import XCTest

final class InMemoryQuotaStoreTests: XCTestCase {
    func testGrantsByPolicyAndThrowsWhileUnreachable() async throws {
        let clock = ManualClock()
        let store = InMemoryQuotaStore(policy: QuotaPolicy(callsPerMinute: 1), clock: clock)
        guard case .granted = try await store.acquire(.current) else { return XCTFail("the first call is granted") }
        guard case .exhausted = try await store.acquire(.current) else { return XCTFail("one call a minute") }

        store.breakConnection()
        let acquiring = await thrownCode { _ = try await store.acquire(.current) }
        XCTAssertEqual(acquiring, .cacheUnavailable)
        let cooling = await thrownCode { try await store.startCooldown(.seconds(5)) }
        XCTAssertEqual(cooling, .cacheUnavailable)
        XCTAssertEqual(store.cooldowns, [], "a cooldown that did not reach the store is not recorded")

        store.breakConnection(false)
        try await store.startCooldown(.seconds(5))
        XCTAssertEqual(store.cooldowns, [.seconds(5)])
        guard case .coolingDown = try await store.acquire(.current) else { return XCTFail("cooling down") }
    }
}
