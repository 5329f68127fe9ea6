import Foundation
import TestSupport
import WeatherCore
import XCTest

@testable import WeatherCache

/// `rediss://` against Debian's redis-server on its TLS port, with a CA and certificates made by
/// the test: the cache, the quota script, the lease, refusals that name TLS, a restart.
final class RedisTLSTests: XCTestCase {
    func testLookupsGoThroughTheCacheStoreOverTLS() async throws {
        let server = try startTLSRedis()
        let store = try tlsStore(server)
        let key = CacheKey(rawValue: "current:zurich")
        let entry = makeEntry(Array(repeating: 0x41, count: 100_000))  // larger than one TLS record
        try await store.set(key, to: entry, ttl: .seconds(60))
        let read = try await store.get(key)
        XCTAssertEqual(read, entry)
        let many = try await store.get([key, CacheKey(rawValue: "absent")])
        XCTAssertEqual(many, [entry, nil])
        try await store.delete(key)
        let gone = try await store.get(key)
        XCTAssertNil(gone)
        // Concurrent callers share pipelined round trips through the relay.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let key = CacheKey(rawValue: "k\(index % 20)")
                    try await store.set(key, to: makeEntry([UInt8(index % 20)]), ttl: .seconds(60))
                    _ = try await store.get(key)
                }
            }
            try await group.waitForAll()
        }
    }

    func testTheQuotaScriptRunsOverTLS() async throws {
        let server = try startTLSRedis()
        let prefix = "tls-quota:\(UUID().uuidString):"
        let stores = [try tlsStore(server, prefix: prefix), try tlsStore(server, prefix: prefix)]
        let quotas = stores.map {
            RedisQuotaStore(store: $0, apiKey: APIKey("tls-key-0123456789abcdef"), policy: QuotaPolicy(callsPerMinute: 5))
        }
        var granted = 0
        for index in 0..<12 {
            if case .granted = try await quotas[index % 2].acquire(.current) { granted += 1 }
        }
        XCTAssertEqual(granted, 5, "the account-wide limit holds across both replicas")
    }

    func testTheLeaseWorksOverTLS() async throws {
        let server = try startTLSRedis()
        let prefix = "tls-lease:\(UUID().uuidString):"
        let a = RedisLease(store: try tlsStore(server, prefix: prefix), name: "tracker")
        let b = RedisLease(store: try tlsStore(server, prefix: prefix), name: "tracker")
        let first = try await a.acquire(holder: "a", ttl: .seconds(5))
        let second = try await b.acquire(holder: "b", ttl: .seconds(5))
        XCTAssertTrue(first)
        XCTAssertFalse(second)
        try await a.release(holder: "a")
        let taken = try await b.acquire(holder: "b", ttl: .seconds(5))
        XCTAssertTrue(taken)
    }

    func testAWrongCAIsRefusedWithAnErrorNamingTLS() async throws {
        let server = try startTLSRedis()
        let store = try tlsStore(server, caFile: server.material.wrongCAFile)
        let error = try await pingError(store)
        XCTAssertEqual(error.code, .cacheUnavailable)
        // redis-server sends its CA along, so OpenSSL's reason is the self-signed root it does not trust.
        XCTAssertEqual(
            error.underlying,
            "TLS: certificate verify failed: self-signed certificate in certificate chain (no trusted CA signed the"
                + " server's certificate: configure the CA file of the CA that did)", "\(error)")
    }

    func testTheSystemCAsDoNotTrustAPrivateCA() async throws {
        let server = try startTLSRedis()
        var configuration = try RedisCacheStore.Configuration(url: server.url())
        configuration.connectTimeout = .seconds(1)
        let store = shuttingDownAtTeardown(RedisCacheStore(configuration: configuration))
        let error = try await pingError(store)
        XCTAssertTrue(error.underlying?.hasPrefix("TLS: certificate verify failed") == true, "\(error)")
    }

    func testAHostNameTheCertificateDoesNotCarryIsRefused() async throws {
        let server = try startTLSRedis()
        let store = try tlsStore(server, host: "redis.example.test")
        let error = try await pingError(store)
        XCTAssertTrue(error.underlying?.hasPrefix("TLS: certificate verify failed") == true, "\(error)")
        XCTAssertTrue(error.underlying?.contains("mismatch") == true, "\(error)")
    }

    func testAnIPAddressIsCheckedAgainstTheCertificatesIPEntries() async throws {
        let server = try startTLSRedis()
        let store = try tlsStore(server, host: "127.0.0.1")
        _ = try await store.ping()
    }

    func testAPlainTextPortFailsTheHandshakeQuicklyNamingTLS() async throws {
        let plain = try RedisServerProcess()
        addTeardownBlock { plain.stop() }
        var configuration = try RedisCacheStore.Configuration(url: "rediss://127.0.0.1:\(plain.port)/0")
        configuration.connectTimeout = .milliseconds(400)
        let store = shuttingDownAtTeardown(RedisCacheStore(configuration: configuration))
        let start = ContinuousClock.now
        let error = try await pingError(store)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(1), "bounded by the connect timeout")
        XCTAssertTrue(error.underlying?.hasPrefix("TLS:") == true, "\(error)")
    }

    func testAClientCertificateIsPresentedWhenTheServerAsksForOne() async throws {
        let server = try startTLSRedis(requireClientCertificates: true)
        let without = try tlsStore(server)
        let error = try await pingError(without)
        XCTAssertTrue(
            error.underlying?.hasPrefix("TLS: the server requires a client certificate") == true, "\(error)")
        let with = try tlsStore(server, clientCertificate: true)
        _ = try await with.ping()
    }

    func testAKillAndRestartHealsThePool() async throws {
        let server = try startTLSRedis()
        let store = try tlsStore(server, poolSize: 3)
        let key = CacheKey(rawValue: "heal")
        try await store.set(key, to: makeEntry([1]), ttl: .seconds(60))
        server.kill9()
        for _ in 0..<10 {
            let start = ContinuousClock.now
            do {
                _ = try await store.get(key)
                XCTFail("expected cacheUnavailable")
            } catch {
                assertCacheUnavailable(error)
            }
            XCTAssertLessThan(ContinuousClock.now - start, .milliseconds(700))
        }
        try server.start()
        var healed = false
        for _ in 0..<100 where !healed {  // bounded: ~3 s
            healed = (try? await store.ping()) != nil
            if !healed { try await Task.sleep(for: .milliseconds(30)) }
        }
        XCTAssertTrue(healed, "the pool did not reconnect over TLS within 3 s of Redis returning")
        try await store.set(key, to: makeEntry([2]), ttl: .seconds(60))
        let read = try await store.get(key)
        XCTAssertEqual(read?.body, [2])
    }

    func testRelayThreadsAndDescriptorsEndWithTheStore() async throws {
        let server = try startTLSRedis()
        let pumpsBefore = RedisTLSRelay.activeRelays
        let descriptorsBefore = Self.openDescriptors()
        for _ in 0..<3 {
            let store = try tlsStore(server, poolSize: 4)
            _ = try await store.ping()
            XCTAssertGreaterThanOrEqual(RedisTLSRelay.activeRelays, pumpsBefore + 1)
            await store.shutdown()
        }
        var settled = false
        for _ in 0..<100 where !settled {  // the relays end asynchronously, within milliseconds
            settled = RedisTLSRelay.activeRelays == pumpsBefore && Self.openDescriptors() <= descriptorsBefore
            if !settled { try await Task.sleep(for: .milliseconds(20)) }
        }
        XCTAssertEqual(RedisTLSRelay.activeRelays, pumpsBefore)
        XCTAssertLessThanOrEqual(Self.openDescriptors(), descriptorsBefore)
    }

    private func pingError(_ store: RedisCacheStore, file: StaticString = #filePath, line: UInt = #line) async throws
        -> WeatherError
    {
        do {
            _ = try await store.ping()
        } catch let error as WeatherError {
            return error
        }
        XCTFail("the ping succeeded", file: file, line: line)
        throw CancellationError()
    }

    private static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }
}
