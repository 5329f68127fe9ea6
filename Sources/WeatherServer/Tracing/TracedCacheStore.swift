import Tracing
import WeatherCore
import WeatherServerCore
import WeatherPages

/// A ``CacheStore`` decorator that makes a client span of each round trip to the shared store
/// (Redis): `redis GET` with the cache outcome (`hit`, `miss`, `error`), `redis SET`, and through
/// ``TracedRefreshLock`` the refresh lock's `redis lock` (`acquired`, `held`) and `redis unlock`.
///
/// Spans name the operation and outcome only: never the key's prefix, the URL, the password, nor
/// an error's text. Wrapped around the Redis store only while tracing is on.
struct TracedCacheStore: CacheStore {
    let base: any CacheStore

    func get(_ key: CacheKey) async throws -> CacheEntry? {
        try await RedisSpan.run("redis GET", operation: "GET") { span in
            let entry = try await base.get(key)
            span.attributes["weather.cache.outcome"] = entry == nil ? "miss" : "hit"
            return entry
        }
    }

    func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {
        try await RedisSpan.run("redis SET", operation: "SET") { span in
            try await base.set(key, to: entry, ttl: ttl)
            span.attributes["weather.cache.outcome"] = "stored"
        }
    }

    func delete(_ key: CacheKey) async throws {
        try await RedisSpan.run("redis DEL", operation: "DEL") { _ in try await base.delete(key) }
    }

    var refreshLock: (any RefreshLock)? { base.refreshLock.map { TracedRefreshLock(base: $0) } }
}

/// The refresh lock's round trips as client spans.
struct TracedRefreshLock: RefreshLock {
    let base: any RefreshLock

    func acquire(_ key: CacheKey, ttl: Duration) async throws -> RefreshLockToken? {
        try await RedisSpan.run("redis lock", operation: "SET NX") { span in
            let token = try await base.acquire(key, ttl: ttl)
            span.attributes["weather.lock.outcome"] = token == nil ? "held" : "acquired"
            return token
        }
    }

    func release(_ token: RefreshLockToken) async throws {
        try await RedisSpan.run("redis unlock", operation: "EVAL") { _ in try await base.release(token) }
    }
}

/// One Redis round trip as a client span of the current trace; a failure sets the span's error
/// status and `weather.cache.outcome=error`, without the error's text.
enum RedisSpan {
    static func run<T>(
        _ name: String, operation: String, _ body: (any Span) async throws -> T
    ) async throws -> T {
        let span = InstrumentationSystem.tracer.startSpan(name, context: .current ?? .topLevel, ofKind: .client)
        defer { span.end() }
        span.attributes["db.system.name"] = "redis"
        span.attributes["db.operation.name"] = operation
        do {
            return try await InstrumentationContext.$current.withValue(span.context) { try await body(span) }
        } catch {
            span.attributes["weather.cache.outcome"] = "error"
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }
}
