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

    private static let key = CacheKey(rawValue: "auth")

    @discardableResult
    private func roundTrip(_ url: String) async throws -> RedisCacheStore {
        var configuration = try RedisCacheStore.Configuration(url: url)
        configuration.poolSize = 2
        let store = shuttingDownAtTeardown(RedisCacheStore(configuration: configuration))
        try await store.set(Self.key, to: makeEntry([4, 2]), ttl: .seconds(30))
        let read = try await store.get(Self.key)
        XCTAssertEqual(read?.body, [4, 2])
        return store
    }

    func testPasswordAuth() async throws {
        let server = try startServer()
        try await roundTrip("redis://:default-pw@127.0.0.1:\(server.port)/0")
    }

    func testACLUserAuthAndSelect() async throws {
        let server = try startServer()
        try await roundTrip("redis://alice:alice-pw@127.0.0.1:\(server.port)/5")
        // SELECT took effect: from other connections, the key is in database 5 and not in 0.
        let database0 = shuttingDownAtTeardown(
            try RedisCacheStore(url: "redis://alice:alice-pw@127.0.0.1:\(server.port)/0"))
        let database5 = shuttingDownAtTeardown(
            try RedisCacheStore(url: "redis://alice:alice-pw@127.0.0.1:\(server.port)/5"))
        let in0 = try await database0.get(Self.key)
        let in5 = try await database5.get(Self.key)
        XCTAssertNil(in0, "the write went to database 0: SELECT 5 was not applied")
        XCTAssertEqual(in5?.body, [4, 2])
    }

    func testWrongOrMissingPasswordIsCacheUnavailable() async throws {
        let server = try startServer()
        for url in ["redis://:wrong@127.0.0.1:\(server.port)/0", "redis://127.0.0.1:\(server.port)/0"] {
            let store = shuttingDownAtTeardown(try RedisCacheStore(url: url))
            do {
                _ = try await store.get(CacheKey(rawValue: "x"))
                XCTFail("expected cacheUnavailable for \(url)")
            } catch {
                assertCacheUnavailable(error)
                XCTAssertFalse("\(error)".contains("wrong"), "the password must not appear in errors")
                // Not just "unavailable": the operator reads that the credentials were refused.
                XCTAssertTrue("\(error)".contains("authentication failed"), "\(error)")
            }
        }
    }
}
