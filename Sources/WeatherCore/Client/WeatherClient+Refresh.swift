import Foundation

/// What one coalesced refresh produced, shared by every caller waiting on the key.
struct Refreshed: Sendable {
    enum Origin: Sendable {
        /// Upstream answered with data that was cached.
        case upstream
        /// Upstream answered with data older than the cached entry's: the entry was kept and its
        /// freshness re-armed, so the key is not asked again at every lookup until upstream catches up.
        case revalidated
        /// The store already held a fresh entry (another caller or replica refreshed it).
        case cache
        /// Another replica holds the refresh lock and did not finish in time: a stale entry.
        case stale
    }

    var entry: CacheEntry
    var origin: Origin
    /// The decoded model when the refresh decoded `entry` (saves callers a second decode).
    var value: (any Sendable)?
}

/// What a caller already read from the store for a key, so the refresh after it need not read
/// the key again: with Redis behind the store every read is a round trip.
enum StoreRead: Sendable {
    /// Nothing is known: read the store.
    case unknown
    /// The store was just read and held this (`nil`: nothing).
    case read(CacheEntry?)
}

extension WeatherClient {
    /// One refresh of `key`: re-checks the store, respects the cooldown and the key's backoff after
    /// a failed refresh, takes the store's refresh lock when it has one, then asks upstream. Runs
    /// inside the coalescer's task.
    ///
    /// `minimumFreshness`: an entry fresh for less than this is refreshed anyway (prefetching).
    /// `known`: what the caller read from the store for `key` just before; with a refresh lock it
    /// is not read again before the lock is taken.
    func refresh<M: OpenWeatherDecodable>(
        _ request: OpenWeatherRequest, key: CacheKey, as type: M.Type, minimumFreshness: Duration = .zero,
        known: StoreRead = .unknown
    ) async throws -> Refreshed {
        // With a lock, the read under it (below) sees whatever was written since the caller's read;
        // without one, reading again is what keeps a flight that just ended from being repeated.
        let current = await storedEntry(store.refreshLock == nil ? .unknown : known, of: key)
        if let current, current.isFresh(at: clock.now.addingTimeInterval(minimumFreshness.seconds)) {
            return Refreshed(entry: current, origin: .cache)
        }
        if let remaining = cooldown.remaining() { throw Self.coolingDown(remaining, request) }
        if let failed = backoff.blocked(key) { throw failed }

        // What the store holds as upstream is asked: what store() compares the answer with. Without
        // a lock (or with this process holding it) no other writer can come in between.
        var latest = StoreRead.read(current)
        var token: RefreshLockToken?
        if let lock = store.refreshLock {
            do {
                token = try await lock.acquire(key, ttl: configuration.refreshLockLifetime)
                // Another replica may have written the key and released its lock between our read
                // and our acquire: look again under the lock, or that key is fetched twice.
                if token != nil {
                    let entry = await readStore(key)
                    if let entry, entry.isFresh(at: clock.now.addingTimeInterval(minimumFreshness.seconds)) {
                        await release(token, of: lock)
                        return Refreshed(entry: entry, origin: .cache)
                    }
                    latest = .read(entry)
                }
                // Only a lock that answered "held by another" has a holder worth waiting for.
                if token == nil {
                    latest = .unknown  // the holder may write while we wait: store() reads again
                    let waited = try await waitForLockHolder(key, current: current)
                    observer?.record(.refreshLockWait(request.family, servedHolderEntry: waited?.origin == .cache))
                    if let waited { return waited }
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                observer?.record(.cacheStoreError("refresh lock: \(error)"))  // lock unreachable: refresh without it
            }
        }
        do {
            let refreshed = try await fetchUpstream(request, key: key, as: M.self, existing: latest)
            backoff.recordSuccess(key)
            await release(token, of: store.refreshLock)
            return refreshed
        } catch {
            if let failure = error as? WeatherError, Self.backsOff(failure.code) { backoff.recordFailure(key, failure) }
            await release(token, of: store.refreshLock)
            throw error
        }
    }

    /// Whether a failed refresh makes its key wait before the next one: every upstream failure but
    /// "not found" (cached as such), 429 (a cooldown of its own) and a spent budget (the governor's).
    static func backsOff(_ code: WeatherError.Code) -> Bool {
        code != .notFound && code != .rateLimited && code != .quotaExhausted && code != .cacheUnavailable
    }

    /// Another process holds the lock: re-read the store a few times for its result, then fall
    /// back to a stale entry. `nil` means neither came, so this process refreshes after all.
    /// Throws only `CancellationError`.
    private func waitForLockHolder(_ key: CacheKey, current: CacheEntry?) async throws -> Refreshed? {
        for _ in 0..<configuration.refreshLockPolls {
            try await clock.sleep(for: configuration.refreshLockPollInterval)
            if let entry = await readStore(key), entry.isFresh(at: clock.now) {
                return Refreshed(entry: entry, origin: .cache)
            }
        }
        if let current, !current.isNegative, current.isUsable(at: clock.now) {
            return Refreshed(entry: current, origin: .stale)
        }
        return nil
    }

    private func release(_ token: RefreshLockToken?, of lock: (any RefreshLock)?) async {
        guard let token, let lock else { return }
        do { try await lock.release(token) } catch {
            observer?.record(.cacheStoreError("refresh lock release: \(error)"))
        }
    }

    /// The entry `read` says the store holds for `key`, reading the store when it does not know.
    func storedEntry(_ read: StoreRead, of key: CacheKey) async -> CacheEntry? {
        switch read {
        case .read(let entry): entry
        case .unknown: await readStore(key)
        }
    }

    /// Reads the store; any failure is reported and treated as a miss.
    func readStore(_ key: CacheKey) async -> CacheEntry? {
        do {
            return try await store.get(key)
        } catch {
            observer?.record(.cacheStoreError("get: \(error)"))
            return nil
        }
    }

    /// Writes the store; any failure is reported and otherwise ignored.
    func writeStore(_ key: CacheKey, _ entry: CacheEntry, ttl: Duration) async {
        do {
            try await store.set(key, to: entry, ttl: ttl)
        } catch {
            observer?.record(.cacheStoreError("set: \(error)"))
        }
    }

    /// Deletes from the store; any failure is reported and otherwise ignored.
    func deleteFromStore(_ key: CacheKey) async {
        do {
            try await store.delete(key)
        } catch {
            observer?.record(.cacheStoreError("delete: \(error)"))
        }
    }

    /// The error while a 429 cooldown lasts.
    static func coolingDown(_ remaining: Duration, _ request: OpenWeatherRequest) -> WeatherError {
        var error = WeatherError.rateLimited(retryAfter: remaining, query: request.subjectText)
        error.underlying = "cooling down after a 429: no upstream call was made"
        return error
    }
}
