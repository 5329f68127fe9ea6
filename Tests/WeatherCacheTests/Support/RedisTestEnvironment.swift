import Foundation
import WeatherCache
import WeatherCore
import XCTest

/// The shared test Redis: `REDIS_TEST_URL` (default `redis://127.0.0.1:6399/0`).
///
/// When it is unreachable, tests skip with a hint, except in CI (`CI=true`), where they fail.
enum RedisTestEnvironment {
    static var url: String {
        ProcessInfo.processInfo.environment["REDIS_TEST_URL"] ?? "redis://127.0.0.1:6399/0"
    }

    /// A store on the shared test Redis with a prefix unique to this call, shut down when `test`
    /// ends; or a skip/failure.
    static func store(
        for test: XCTestCase, poolSize: Int = 2, prefix: String? = nil, file: StaticString = #filePath,
        line: UInt = #line
    ) async throws -> RedisCacheStore {
        var configuration = try RedisCacheStore.Configuration(url: url)
        configuration.poolSize = poolSize
        configuration.keyPrefix = prefix ?? "test:\(UUID().uuidString):"
        configuration.connectTimeout = .milliseconds(500)
        configuration.commandTimeout = .milliseconds(500)
        let store = RedisCacheStore(configuration: configuration)
        do {
            try await store.ping()
        } catch {
            await store.shutdown()
            let message = "Redis at \(url) is unreachable (\(error)); start it with scripts/redis-test-server.sh start"
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail(message, file: file, line: line)
                throw error
            }
            throw XCTSkip(message)
        }
        return test.shuttingDownAtTeardown(store)
    }
}

extension XCTestCase {
    /// `store`, shut down once this test has ended, passed or failed: a store released without
    /// ``RedisCacheStore/shutdown()`` stops debug builds with an assertion.
    @discardableResult
    func shuttingDownAtTeardown(_ store: RedisCacheStore) -> RedisCacheStore {
        addTeardownBlock { await store.shutdown() }
        return store
    }
}

/// Fails unless `error` is a ``WeatherError`` with code `cacheUnavailable`.
func assertCacheUnavailable(_ error: any Error, file: StaticString = #filePath, line: UInt = #line) {
    guard let error = error as? WeatherError else {
        return XCTFail("expected WeatherError, got \(error)", file: file, line: line)
    }
    XCTAssertEqual(error.code, .cacheUnavailable, "\(error)", file: file, line: line)
}

/// A cache entry whose body is `body`, fresh for an hour.
func makeEntry(_ body: [UInt8], now: Date = Date()) -> CacheEntry {
    // Whole milliseconds, as the serialized form keeps them, so round trips compare equal.
    let now = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1000).rounded() / 1000)
    return CacheEntry(
        body: body, fetchedAt: now, freshUntil: now.addingTimeInterval(3600),
        staleUntil: now.addingTimeInterval(7200), observedAt: now
    )
}
