import Foundation
import InMemoryTracing
import Tracing
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// Each round trip to the shared store is a client span with its outcome.
final class TracedCacheStoreTests: XCTestCase {
    func testGetSetAndLockRoundTripsAreClientSpansWithTheirOutcome() async throws {
        let tracer = TestTracer.shared
        let clock = ManualClock(start: Date())
        let lock = InMemoryRefreshLock(clock: clock)
        let store = TracedCacheStore(base: LockingStore(base: MemoryCacheStore(clock: clock), lock: lock))
        let key = CacheKey(rawValue: "traced:store")
        var context = InstrumentationContext.topLevel
        context.inMemorySpanContext = InMemorySpanContext(traceID: "trace-redis", spanID: "lookup", parentSpanID: nil)
        try await InstrumentationContext.$current.withValue(context) {
            let first = try await store.get(key)
            XCTAssertNil(first)
            let token = try await store.refreshLock?.acquire(key, ttl: .seconds(5))
            XCTAssertNotNil(token)
            let entry = CacheEntry(
                body: Array("{}".utf8), fetchedAt: clock.now, freshUntil: clock.now.addingTimeInterval(60),
                staleUntil: clock.now.addingTimeInterval(120))
            try await store.set(key, to: entry, ttl: .seconds(60))
            let second = try await store.get(key)
            XCTAssertNotNil(second)
            if let token { try await store.refreshLock?.release(token) }
        }
        let spans = TestTracer.spans(ofTrace: "trace-redis")
        XCTAssertEqual(
            spans.map(\.operationName), ["redis GET", "redis lock", "redis SET", "redis GET", "redis unlock"])
        XCTAssertTrue(spans.allSatisfy { $0.kind == .client && $0.parentSpanID == "lookup" })
        XCTAssertEqual(spans.map { $0.attribute("weather.cache.outcome") ?? "-" }, ["miss", "-", "stored", "hit", "-"])
        XCTAssertEqual(spans[1].attribute("weather.lock.outcome"), "acquired")
        XCTAssertEqual(spans[0].attribute("db.system.name"), "redis")
    }
}

/// A memory store with a shared lock, as the Redis store has.
private struct LockingStore: CacheStore {
    let base: MemoryCacheStore
    let lock: InMemoryRefreshLock

    func get(_ key: CacheKey) async throws -> CacheEntry? { try await base.get(key) }
    func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {
        try await base.set(key, to: entry, ttl: ttl)
    }
    func delete(_ key: CacheKey) async throws { try await base.delete(key) }
    var refreshLock: (any RefreshLock)? { lock }
}
