import Foundation
import WeatherCore

/// A tiny in-memory store for tests: records every call and the TTLs it was given; can be told to fail.
actor DictionaryCacheStore: CacheStore {
    private(set) var entries: [CacheKey: CacheEntry] = [:]
    private(set) var ttls: [CacheKey: Duration] = [:]
    private(set) var getCount = 0
    private var failing = false
    nonisolated let refreshLock: (any RefreshLock)?

    init(refreshLock: (any RefreshLock)? = nil) {
        self.refreshLock = refreshLock
    }

    func setFailing(_ failing: Bool) { self.failing = failing }

    func get(_ key: CacheKey) async throws -> CacheEntry? {
        getCount += 1
        try check()
        return entries[key]
    }

    func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {
        try check()
        entries[key] = entry
        ttls[key] = ttl
    }

    func delete(_ key: CacheKey) async throws {
        try check()
        entries[key] = nil
        ttls[key] = nil
    }

    private func check() throws {
        if failing { throw WeatherError(code: .cacheUnavailable, message: "scripted failure") }
    }
}

/// A clock stopped at one instant.
struct FixedClock: WeatherClock {
    var now: Date
    func sleep(for duration: Duration) async throws {}
}

/// A lock that records nothing; only its identity matters.
struct NoopLock: RefreshLock {
    func acquire(_ key: CacheKey, ttl: Duration) async throws -> RefreshLockToken? { nil }
    func release(_ token: RefreshLockToken) async throws {}
}
