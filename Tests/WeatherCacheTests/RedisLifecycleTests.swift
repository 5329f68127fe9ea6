import Foundation
import TestSupport
import ServiceLifecycleTestKit
import WeatherCache
import WeatherCore
import XCTest

/// The pool's threads go away when the store is shut down: a service that recreates stores does not leak threads.
final class RedisLifecycleTests: XCTestCase {
    private func threadCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
    }

    func testShutdownStopsTheThreads() async throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/task") else { throw XCTSkip("needs /proc") }
        let port = try LoopbackPort.free()  // nothing listens: the threads keep reconnecting
        // A thread of an earlier test may still be ending (shutdown() returns as it does): start
        // from a count that has settled.
        var before = threadCount()
        for _ in 0..<50 {
            try await Task.sleep(for: .milliseconds(10))
            let now = threadCount()
            if now == before { break }
            before = now
        }
        var stores: [RedisCacheStore] = []
        for _ in 0..<5 {
            stores.append(RedisCacheStore(configuration: .init(port: port, poolSize: 4)))
        }
        XCTAssertGreaterThanOrEqual(threadCount(), before + 20)
        for store in stores { await store.shutdown() }
        var after = threadCount()
        for _ in 0..<100 where after > before + 4 {  // bounded: ~2 s for the threads to end
            try await Task.sleep(for: .milliseconds(20))
            after = threadCount()
        }
        XCTAssertLessThanOrEqual(after, before + 4, "threads before \(before), after \(after)")
    }

    func testAsAServiceItRunsUntilGracefulShutdownThenShutsDown() async throws {
        let store = RedisCacheStore(configuration: .init(port: try LoopbackPort.free(), poolSize: 1))
        try await testGracefulShutdown { trigger in
            async let running: Void = store.run()
            trigger.triggerGracefulShutdown()
            try await running
        }
        do {
            _ = try await store.get(CacheKey(rawValue: "x"))
            XCTFail("expected cacheUnavailable after the service shut down")
        } catch {
            assertCacheUnavailable(error)
        }
        await store.shutdown()  // again: harmless
    }
}
