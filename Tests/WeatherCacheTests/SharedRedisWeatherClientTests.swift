import Foundation
import HTTPTypes
import Synchronization
import WeatherCache
import WeatherCore
import WeatherTesting
import XCTest

/// Two `WeatherClient`s (two replicas) sharing one Redis: 100 concurrent lookups of one place
/// across them make exactly one upstream call, thanks to the store's refresh lock.
final class SharedRedisWeatherClientTests: XCTestCase {
    /// Counts requests and answers each with one current-weather body, slowly, so the callers overlap.
    final class CountingTransport: HTTPTransport {
        let calls = Atomic<Int>(0)
        let body: [UInt8]
        init(body: [UInt8]) { self.body = body }
        func send(_ request: TransportRequest) async throws -> TransportResponse {
            calls.add(1, ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(150))
            return TransportResponse(status: .ok, headerFields: [.contentType: "application/json"], body: body)
        }
    }

    /// The same store without its lock: what the lock saves.
    struct WithoutLock: CacheStore {
        let store: RedisCacheStore
        func get(_ key: CacheKey) async throws -> CacheEntry? { try await store.get(key) }
        func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {
            try await store.set(key, to: entry, ttl: ttl)
        }
        func delete(_ key: CacheKey) async throws { try await store.delete(key) }
    }

    /// 100 concurrent lookups of one place, alternating between two clients; returns the upstream calls.
    private func upstreamCalls(withLock: Bool) async throws -> Int {
        let body = try FixtureDirectory(bundle: .module).bytes("current/0000.json")
        let prefix = "test:\(UUID().uuidString):"
        let storeA = try await RedisTestEnvironment.store(for: self, prefix: prefix)
        let storeB = try await RedisTestEnvironment.store(for: self, prefix: prefix)
        let transport = CountingTransport(body: body)
        let configuration = WeatherClient.Configuration(apiKey: APIKey("test-key"))
        let clients = [
            WeatherClient(
                transport: transport, cache: withLock ? storeA : WithoutLock(store: storeA),
                configuration: configuration),
            WeatherClient(
                transport: transport, cache: withLock ? storeB : WithoutLock(store: storeB),
                configuration: configuration),
        ]
        let place = Place.city(name: "Zurich", country: "CH")
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<100 {
                group.addTask {
                    _ = try await clients[index % 2].current(for: place)
                    return 1
                }
            }
            return try await group.reduce(0, +)
        }
        XCTAssertEqual(answers, 100)
        return transport.calls.load(ordering: .relaxed)
    }

    func testTwoClientsSharingOneRedisMakeOneUpstreamCall() async throws {
        let calls = try await upstreamCalls(withLock: true)
        XCTAssertEqual(calls, 1)
    }

    func testWithoutTheLockEachReplicaCallsUpstream() async throws {
        let calls = try await upstreamCalls(withLock: false)
        XCTAssertEqual(calls, 2, "each client coalesces its own callers, but nothing coordinates the two")
    }

    func testTheReplicaThatLosesTheLockServesTheHoldersEntryAndNeverCallsUpstream() async throws {
        let body = try FixtureDirectory(bundle: .module).bytes("current/0000.json")
        let prefix = "test:\(UUID().uuidString):"
        let storeA = try await RedisTestEnvironment.store(for: self, prefix: prefix)
        let storeB = try await RedisTestEnvironment.store(for: self, prefix: prefix)
        let transportA = CountingTransport(body: body)
        let transportB = CountingTransport(body: body)
        let waits = RecordingObserver()
        let configuration = WeatherClient.Configuration(apiKey: APIKey("test-key"))
        let holder = WeatherClient(transport: transportA, cache: storeA, configuration: configuration)
        let loser = WeatherClient(transport: transportB, cache: storeB, configuration: configuration, observer: waits)
        let place = Place.city(name: "Zurich", country: "CH")

        let holding = Task { try await holder.current(for: place) }
        while transportA.calls.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let lost = try await loser.current(for: place)  // A is upstream now (150 ms) and holds the lock
        let held = try await holding.value

        XCTAssertEqual(transportB.calls.load(ordering: .relaxed), 0, "the loser never asked upstream")
        XCTAssertEqual(lost.cacheStatus, .hit)
        XCTAssertEqual(
            lost.fetchedAt.timeIntervalSince1970, held.fetchedAt.timeIntervalSince1970, accuracy: 0.001,
            "the very entry the holder wrote (Redis keeps whole milliseconds)")
        let lockWaits = waits.events(.refreshLockWait)
        XCTAssertEqual(lockWaits.count { $0.servedHolderEntry == true }, 1)
        XCTAssertEqual(lockWaits.count { $0.servedHolderEntry == false }, 0)
    }
}
