import TestSupport
import WeatherCache
import WeatherCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// hiredis writes without `MSG_NOSIGNAL`: creating a store must leave `SIGPIPE` ignored.
final class SIGPIPETests: XCTestCase {
    func testCreatingAStoreIgnoresSIGPIPE() throws {
        #if canImport(Glibc)
            shuttingDownAtTeardown(
                RedisCacheStore(configuration: .init(port: try LoopbackPort.free(), poolSize: 1)))
            var action = sigaction()
            XCTAssertEqual(sigaction(SIGPIPE, nil, &action), 0)
            let handler = unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
            XCTAssertEqual(handler, unsafeBitCast(SIG_IGN, to: Int.self))
        #else
            throw XCTSkip("checked on Linux only")
        #endif
    }

    func testWritingToAKilledServerDoesNotKillTheProcess() async throws {
        let server = try RedisServerProcess()
        defer { server.stop() }
        let store = shuttingDownAtTeardown(
            RedisCacheStore(
                configuration: .init(
                    port: server.port, keyPrefix: "pipe:", poolSize: 1, commandTimeout: .milliseconds(200))))
        try await store.ping()
        server.kill9()
        // Large values so that writes hit the closed socket (EPIPE) rather than only the read failing.
        let big = makeEntry(Array(repeating: 0x41, count: 1 << 20))
        for index in 0..<5 {
            do {
                try await store.set(CacheKey(rawValue: "big-\(index)"), to: big, ttl: .seconds(5))
                XCTFail("expected cacheUnavailable")
            } catch {
                assertCacheUnavailable(error)
            }
        }
    }
}
