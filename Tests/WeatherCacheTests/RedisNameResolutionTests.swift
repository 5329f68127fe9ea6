import Foundation
import Synchronization
import WeatherCore
import XCTest

@testable import WeatherCache

/// Issue 11, item 8: the connect timeout covers name resolution, which hiredis' own timeout
/// does not. A resolver that stalls (as a DNS server that does not answer) stands in for the network.
final class RedisNameResolutionTests: XCTestCase {
    private func configuration(host: String, resolver: HostResolver) throws -> RedisCacheStore.Configuration {
        var configuration = try RedisCacheStore.Configuration(url: RedisTestEnvironment.url)
        configuration.host = host
        configuration.poolSize = 1
        configuration.connectTimeout = .milliseconds(300)
        configuration.commandTimeout = .milliseconds(250)
        configuration.resolver = resolver
        return configuration
    }

    func testAStalledResolverDoesNotOutlastTheConnectTimeout() async throws {
        let stalled = HostResolver { _ in
            Thread.sleep(forTimeInterval: 3)  // the resolver's thread, not the test, waits
            return "127.0.0.1"
        }
        let store = shuttingDownAtTeardown(
            RedisCacheStore(configuration: try configuration(host: "redis.stalled-dns.test", resolver: stalled)))
        let started = ContinuousClock.now
        do {
            _ = try await store.get(CacheKey(rawValue: "x"))
            XCTFail("the host did not resolve in time: the first lookup must fail")
        } catch {
            assertCacheUnavailable(error)
            XCTAssertTrue("\(error)".contains("connect timeout"), "\(error)")
        }
        let elapsed = started.duration(to: .now)
        XCTAssertLessThan(elapsed, .milliseconds(300 + 250 + 400), "bounded by the timeouts, not by the 3 s lookup")
    }

    func testANameThatResolvesIsConnectedToAndTheAnswerIsReused() async throws {
        _ = try await RedisTestEnvironment.store(for: self)  // skips (or fails in CI) without a test Redis
        let lookups = LookupCounter()
        let counting = HostResolver { host in
            lookups.increment()
            return HostResolver.system.lookup(host)
        }
        let store = shuttingDownAtTeardown(
            RedisCacheStore(configuration: try configuration(host: "localhost", resolver: counting)))
        _ = try await store.ping()
        XCTAssertEqual(lookups.count, 1)
        XCTAssertEqual(HostResolver.system.lookup("localhost"), "127.0.0.1", "IPv4 first, as hiredis resolves")
        XCTAssertTrue(HostResolver.isNumeric("127.0.0.1") && HostResolver.isNumeric("::1"))
        XCTAssertFalse(HostResolver.isNumeric("localhost"))
    }

    func testAnEarlierAddressIsUsedWhenTheResolverStallsLater() throws {
        let calls = LookupCounter()
        let resolution = BoundedHostResolution(
            resolver: HostResolver { _ in
                calls.increment()
                if calls.count > 1 { Thread.sleep(forTimeInterval: 2) }
                return "127.0.0.1"
            })
        XCTAssertEqual(try resolution.resolve("cache.internal", within: .milliseconds(500)), "127.0.0.1")
        XCTAssertEqual(try resolution.resolve("cache.internal", within: .milliseconds(50)), "127.0.0.1")
        XCTAssertEqual(calls.count, 1, "a recent answer is reused without asking again")
    }
}

/// Counts resolver calls across threads.
final class LookupCounter: Sendable {
    private let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
