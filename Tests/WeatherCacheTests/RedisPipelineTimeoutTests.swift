import Foundation
import WeatherCore
import XCTest

@testable import WeatherCache

/// Issue 11, item 7: one nearly expired job does not shorten the socket timeout of the whole
/// pipelined batch (failing every fresh job in it and dropping the connection).
///
/// Runs on the real test Redis, slowed with a Lua busy loop; waits in real time where the item needs it.
final class RedisPipelineTimeoutTests: XCTestCase {
    /// Busy-waits `ARGV[1]` microseconds inside Redis, which serves no one else meanwhile.
    private static let busy = """
        local t = redis.call('TIME')
        local start = t[1] * 1000000 + t[2]
        repeat t = redis.call('TIME') until (t[1] * 1000000 + t[2]) - start >= tonumber(ARGV[1])
        return 1
        """

    private static func busyFor(_ milliseconds: Int) -> RedisCommand {
        RedisCommand("EVAL", Array(utf8: Self.busy), Array(utf8: "0"), Array(utf8: String(milliseconds * 1000)))
    }

    private func pool(commandTimeout: Duration) async throws -> RedisConnectionPool {
        _ = try await RedisTestEnvironment.store(for: self)  // skips (or fails in CI) without a test Redis
        var configuration = try RedisCacheStore.Configuration(url: RedisTestEnvironment.url)
        configuration.poolSize = 1
        configuration.commandTimeout = commandTimeout
        let pool = RedisConnectionPool(configuration: configuration)
        _ = try await pool.execute(RedisCommand("PING"))
        return pool
    }

    func testANearlyExpiredJobDoesNotTimeOutTheFreshJobsInItsBatch() async throws {
        let pool = try await pool(commandTimeout: .seconds(2))
        defer { pool.shutdown() }
        // Keep the one connection busy for 300 ms, so the next two jobs queue up into one batch.
        async let first = pool.execute([Self.busyFor(300)])
        try await Task.sleep(for: .milliseconds(50))
        let now = ContinuousClock.now
        // ~150 ms left when its batch starts; the fresh job beside it needs 400 ms of Redis time.
        async let nearlyExpired = pool.execute(
            [RedisCommand("GET", Array(utf8: "absent"))], deadline: now + .milliseconds(400))
        async let fresh = pool.execute([Self.busyFor(400)], deadline: now + .seconds(2))
        let firstReply = try await first
        XCTAssertEqual(firstReply, [.integer(1)])
        let (slow, quick) = try await (fresh, nearlyExpired)
        XCTAssertEqual(slow, [.integer(1)], "the fresh job had its full command timeout")
        XCTAssertEqual(quick, [.null])
        XCTAssertEqual(pool.healthyConnections, 1, "the connection was not dropped")
    }

    func testAnExpiredJobFailsAloneAndTheRestOfItsBatchIsServed() async throws {
        let pool = try await pool(commandTimeout: .seconds(2))
        defer { pool.shutdown() }
        async let first = pool.execute([Self.busyFor(200)])
        try await Task.sleep(for: .milliseconds(50))
        let now = ContinuousClock.now
        async let expired = pool.execute(
            [RedisCommand("GET", Array(utf8: "absent"))], deadline: now + .milliseconds(20))
        async let fresh = pool.execute([RedisCommand("PING")], deadline: now + .seconds(2))
        _ = try await first
        do {
            _ = try await expired
            XCTFail("a job past its deadline before it was sent must fail")
        } catch {
            assertCacheUnavailable(error)
        }
        let pong = try await fresh
        XCTAssertEqual(pong, [.status("PONG")])
        XCTAssertEqual(pool.healthyConnections, 1)
    }
}
