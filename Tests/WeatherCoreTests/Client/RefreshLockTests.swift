import Foundation
import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

/// A refresh lock as another replica would see it: tests can hold keys "elsewhere".
final class FakeRefreshLock: RefreshLock {
    private struct State {
        var held: [CacheKey: String] = [:]
        var acquired: [RefreshLockToken] = []
        var released: [RefreshLockToken] = []
        var next = 0
    }

    private let state = Mutex(State())

    func holdElsewhere(_ key: CacheKey) { state.withLock { $0.held[key] = "other-replica" } }
    var acquired: [RefreshLockToken] { state.withLock { $0.acquired } }
    var released: [RefreshLockToken] { state.withLock { $0.released } }

    func acquire(_ key: CacheKey, ttl: Duration) async throws -> RefreshLockToken? {
        state.withLock { s in
            guard s.held[key] == nil else { return nil }
            s.next += 1
            let token = RefreshLockToken(key: key, value: "t\(s.next)")
            s.held[key] = token.value
            s.acquired.append(token)
            return token
        }
    }

    func release(_ token: RefreshLockToken) async throws {
        state.withLock { s in
            if s.held[token.key] == token.value { s.held[token.key] = nil }
            s.released.append(token)
        }
    }
}

/// A memory store that offers a shared refresh lock, like a Redis store would.
final class LockingStore: CacheStore {
    let base: MemoryCacheStore
    let lock = FakeRefreshLock()

    init(clock: ManualClock) { base = MemoryCacheStore(clock: clock) }

    func get(_ key: CacheKey) async throws -> CacheEntry? { try await base.get(key) }
    func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {
        try await base.set(key, to: entry, ttl: ttl)
    }
    func delete(_ key: CacheKey) async throws { try await base.delete(key) }
    var refreshLock: (any RefreshLock)? { lock }
}

final class RefreshLockTests: XCTestCase {
    private func harness() -> (Harness, LockingStore) {
        let box = Mutex<LockingStore?>(nil)
        let h = Harness(cache: { clock in
            let store = LockingStore(clock: clock)
            box.withLock { $0 = store }
            return store
        })
        return (h, box.withLock { $0! })
    }

    func testHolderTakesAndReleasesTheLock() async throws {
        let (h, store) = harness()
        h.transport.enqueue(.any, .json(Reading.json(temp: 1)))
        _ = try await h.reading()
        XCTAssertEqual(store.lock.acquired.count, 1)
        XCTAssertEqual(store.lock.released, store.lock.acquired)
    }

    func testWaiterUsesTheHoldersResultWithoutCallingUpstream() async throws {
        let (h, store) = harness()
        let key = h.client.cacheKey(for: Harness.request())
        store.lock.holdElsewhere(key)
        let task = Task { try await h.reading() }
        try await h.clock.waitForSleepers(1)  // first poll
        let now = h.clock.now
        let entry = CacheEntry(
            body: Array(Reading.json(temp: 12).utf8), fetchedAt: now,
            freshUntil: now.addingTimeInterval(600), staleUntil: now.addingTimeInterval(900))
        try await store.base.set(key, to: entry, ttl: .seconds(900))  // the other replica's refresh lands
        h.clock.advance(by: .milliseconds(200))
        let result = try await task.value
        XCTAssertEqual(result.value.temp, 12)
        XCTAssertEqual(result.cacheStatus, .hit)
        XCTAssertEqual(h.transport.requestCount, 0)
    }

    func testWaiterServesStaleWhenTheHolderIsSlow() async throws {
        let (h, store) = harness()
        try await h.prime(temp: 4)
        h.clock.advance(by: .seconds(1000))  // past SWR: a foreground refresh
        store.lock.holdElsewhere(h.client.cacheKey(for: Harness.request()))
        let task = Task { try await h.reading() }
        for _ in 0..<5 {
            try await h.clock.waitForSleepers(1)
            h.clock.advance(by: .milliseconds(200))
        }
        let result = try await task.value
        XCTAssertEqual(result.cacheStatus, .stale)
        XCTAssertEqual(result.value.temp, 4)
        XCTAssertEqual(h.transport.requestCount, 1, "only the priming call")
    }

    func testWaiterWithNothingToServeRefreshesItself() async throws {
        let (h, store) = harness()
        store.lock.holdElsewhere(h.client.cacheKey(for: Harness.request()))
        h.transport.enqueue(.any, .json(Reading.json(temp: 6)))
        let task = Task { try await h.reading() }
        for _ in 0..<5 {
            try await h.clock.waitForSleepers(1)
            h.clock.advance(by: .milliseconds(200))
        }
        let result = try await task.value
        XCTAssertEqual(result.value.temp, 6)
        XCTAssertEqual(result.cacheStatus, .miss)
        XCTAssertEqual(h.transport.requestCount, 1)
    }
}
