import Foundation
import TestSupport
import WeatherCache
import WeatherCore
import XCTest

/// `kill -9` of a Redis this test started, then a restart on the same port.
final class RedisSelfHealingTests: XCTestCase {
    private var server: RedisServerProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private func makeStore(port: Int) -> RedisCacheStore {
        shuttingDownAtTeardown(
            RedisCacheStore(
                configuration: .init(
                    port: port, keyPrefix: "heal:", poolSize: 3, connectTimeout: .milliseconds(200),
                    commandTimeout: .milliseconds(200)
                )
            ))
    }

    func testKillFailsFastWithTypedErrorsThenRecoversAfterRestart() async throws {
        let server = try RedisServerProcess()
        self.server = server
        let store = makeStore(port: server.port)
        let key = CacheKey(rawValue: "k")
        try await store.set(key, to: makeEntry([1, 2, 3]), ttl: .seconds(60))
        let before = try await store.get(key)
        XCTAssertNotNil(before)

        server.kill9()

        // Every operation fails with cacheUnavailable, none waits longer than the command timeout.
        var failures = 0
        for index in 0..<30 {
            let start = ContinuousClock.now
            do {
                if index % 2 == 0 {
                    _ = try await store.get(key)
                } else {
                    try await store.set(key, to: makeEntry([9]), ttl: .seconds(1))
                }
            } catch {
                assertCacheUnavailable(error)
                failures += 1
            }
            let elapsed = ContinuousClock.now - start
            XCTAssertLessThan(elapsed, .milliseconds(350), "call \(index) waited \(elapsed)")
        }
        XCTAssertEqual(failures, 30)
        let lock = try XCTUnwrap(store.refreshLock)
        do {
            _ = try await lock.acquire(key, ttl: .seconds(1))
            XCTFail("expected cacheUnavailable")
        } catch {
            assertCacheUnavailable(error)
        }

        // Stay down long enough for the backoff to grow to its maximum, then come back.
        try await Task.sleep(for: .milliseconds(1200))
        XCTAssertEqual(store.healthyConnections, 0)
        try server.start()
        let restarted = ContinuousClock.now
        var recovered: Duration?
        for _ in 0..<100 {  // bounded: ~3 s
            if (try? await store.ping()) != nil {
                recovered = ContinuousClock.now - restarted
                break
            }
            try await Task.sleep(for: .milliseconds(30))
        }
        let recovery = try XCTUnwrap(recovered, "the pool did not reconnect within 3 s of Redis returning")
        print("RedisSelfHealingTests: recovered \(recovery) after the restart")
        XCTAssertLessThan(recovery, .milliseconds(1500), "recovered after \(recovery)")

        // The data is gone (the server restarted empty); writes and reads work again on every connection.
        for index in 0..<6 {
            let k = CacheKey(rawValue: "after-\(index)")
            try await store.set(k, to: makeEntry([UInt8(index)]), ttl: .seconds(60))
            let read = try await store.get(k)
            XCTAssertEqual(read?.body, [UInt8(index)])
        }
    }

    func testTasksOnAConnectionExecutorFailFastWhileRedisIsDownAndRecover() async throws {
        let server = try RedisServerProcess()
        self.server = server
        let store = makeStore(port: server.port)
        try await store.ping()
        let executor = store.connectionExecutor()
        server.kill9()
        try await withTaskExecutorPreference(executor) {
            for _ in 0..<20 {  // spans several reconnect attempts and backoff waits
                let start = ContinuousClock.now
                do {
                    _ = try await store.get(CacheKey(rawValue: "k"))
                    XCTFail("expected cacheUnavailable")
                } catch {
                    assertCacheUnavailable(error)
                }
                XCTAssertLessThan(ContinuousClock.now - start, .milliseconds(350))
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        try server.start()
        var healthy = false
        for _ in 0..<100 where !healthy {  // bounded: ~3 s
            healthy = await withTaskExecutorPreference(executor) { (try? await store.ping()) != nil }
            if !healthy { try await Task.sleep(for: .milliseconds(30)) }
        }
        XCTAssertTrue(healthy)
    }

    func testUnreachableServerFailsFastFromTheStart() async throws {
        let port = try LoopbackPort.free()
        let store = makeStore(port: port)
        for _ in 0..<5 {
            let start = ContinuousClock.now
            do {
                _ = try await store.get(CacheKey(rawValue: "x"))
                XCTFail("expected cacheUnavailable")
            } catch {
                assertCacheUnavailable(error)
            }
            XCTAssertLessThan(ContinuousClock.now - start, .milliseconds(600))  // connect + command timeout
        }
    }

    func testHungServerTimesOutWithinTheCommandTimeout() async throws {
        let server = try RedisServerProcess()
        self.server = server
        let store = makeStore(port: server.port)
        try await store.ping()
        let pid = try XCTUnwrap(server.pid)
        kill(pid, SIGSTOP)
        defer { kill(pid, SIGCONT) }
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<10 {
                group.addTask {
                    let start = ContinuousClock.now
                    do {
                        _ = try await store.get(CacheKey(rawValue: "hung-\(index)"))
                        XCTFail("expected a timeout")
                    } catch {
                        assertCacheUnavailable(error)
                    }
                    let elapsed = ContinuousClock.now - start
                    XCTAssertLessThan(elapsed, .milliseconds(400), "waited \(elapsed)")
                }
            }
        }
        kill(pid, SIGCONT)
        var healthy = false
        for _ in 0..<100 where !healthy {  // bounded: ~3 s
            healthy = (try? await store.ping()) != nil
            if !healthy { try await Task.sleep(for: .milliseconds(30)) }
        }
        XCTAssertTrue(healthy)
    }
}
