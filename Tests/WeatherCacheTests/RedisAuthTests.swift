import Foundation
import WeatherCache
import WeatherCore
import XCTest

/// AUTH with a password and with an ACL user, against a second server started by the test.
final class RedisAuthTests: XCTestCase {
    private var server: RedisServerProcess?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    private func startServer() throws -> RedisServerProcess {
        let server = try RedisServerProcess(extraArguments: [
            "--requirepass", "default-pw", "--user", "alice", "on", ">alice-pw", "~*", "&*", "+@all",
        ])
        self.server = server
        return server
    }

    private func roundTrip(_ url: String) async throws {
        var configuration = try RedisCacheStore.Configuration(url: url)
        configuration.poolSize = 2
        let store = RedisCacheStore(configuration: configuration)
        let key = CacheKey(rawValue: "auth")
        try await store.set(key, to: makeEntry([4, 2]), ttl: .seconds(30))
        let read = try await store.get(key)
        XCTAssertEqual(read?.body, [4, 2])
    }

    func testPasswordAuth() async throws {
        let server = try startServer()
        try await roundTrip("redis://:default-pw@127.0.0.1:\(server.port)/0")
    }

    func testACLUserAuthAndSelect() async throws {
        let server = try startServer()
        try await roundTrip("redis://alice:alice-pw@127.0.0.1:\(server.port)/5")
    }

    func testWrongOrMissingPasswordIsCacheUnavailable() async throws {
        let server = try startServer()
        for url in ["redis://:wrong@127.0.0.1:\(server.port)/0", "redis://127.0.0.1:\(server.port)/0"] {
            let store = try RedisCacheStore(url: url)
            do {
                _ = try await store.get(CacheKey(rawValue: "x"))
                XCTFail("expected cacheUnavailable for \(url)")
            } catch {
                assertCacheUnavailable(error)
                XCTAssertFalse("\(error)".contains("wrong"), "the password must not appear in errors")
            }
        }
    }
}
