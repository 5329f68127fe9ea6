public import ServiceLifecycle
public import WeatherCore

/// A ``/WeatherCore/CacheStore`` in Redis, shared by every replica of the service, over hiredis.
///
/// - A pool of ``Configuration/poolSize`` connections, each owned by a dedicated thread: the
///   blocking hiredis calls never run on Swift's cooperative thread pool. Concurrent calls that
///   land on the same connection are pipelined into one round trip.
/// - An operation waits at most ``Configuration/commandTimeout`` for its turn on a connection and
///   at most as long again for its pipelined round trip (once the first connect attempt, bounded
///   by ``Configuration/connectTimeout`` name resolution included, is over); one slow job never
///   shortens the others' time in the same pipeline. When Redis is away,
///   operations fail at once with ``/WeatherCore/WeatherError/Code/cacheUnavailable`` (which the
///   client treats as a miss) while the pool reconnects in the background with exponential
///   backoff (50 ms doubling to 1 s by default); AUTH, SELECT and the timeouts are applied again
///   on every reconnect.
/// - Entries are stored in ``/WeatherCore/CacheEntry/serialized()`` form with `SET key value PX ttl`, under
///   ``Configuration/keyPrefix`` + ``/WeatherCore/CacheKey/rawValue``.
/// - ``refreshLock`` is a ``RedisRefreshLock`` on the same Redis.
///
/// Creating a store makes the process ignore `SIGPIPE` (once): hiredis writes without
/// `MSG_NOSIGNAL`, and a write to a Redis that just died would otherwise kill the process.
/// Write errors then surface as `EPIPE` and are reported as `cacheUnavailable`. (Child
/// processes started afterwards inherit the ignored disposition, as with any server that ignores it.)
///
/// Lifecycle: `init` starts the pool's threads; ``shutdown()`` stops them and closes the
/// connections (later operations, of the store and of the ``refreshLock``, `RedisQuotaStore` and
/// `RedisLease` sharing its connections, fail with `cacheUnavailable`). The store is a
/// swift-service-lifecycle `Service`: in a `ServiceGroup`, ``run()`` waits for the graceful shutdown
/// and then shuts the store down. Outside one, call ``shutdown()`` when done (it is idempotent).
/// Releasing the store without either leaks the threads; debug builds stop there with an assertion.
public final class RedisCacheStore: CacheStore, Service {
    /// The configuration the store was created with.
    public let configuration: Configuration
    let pool: RedisConnectionPool
    private let lock: RedisRefreshLock

    /// Creates the store and starts connecting in the background; it does not wait for Redis.
    ///
    /// Operations issued while the first connection attempt is in progress wait for it (at most
    /// the connect timeout plus the command timeout); after that, a Redis that is down makes
    /// operations fail fast.
    public init(configuration: Configuration) {
        IgnoreSIGPIPE.once()
        self.configuration = configuration
        self.pool = RedisConnectionPool(configuration: configuration)
        self.lock = RedisRefreshLock(pool: pool, keyPrefix: configuration.keyPrefix + "lock:")
    }

    /// Creates a store from a `redis://[user:password@]host:port/db` URL, other settings at their defaults.
    public convenience init(url: String) throws {
        self.init(configuration: try Configuration(url: url))
    }

    /// Runs until the service group's graceful shutdown (or until cancelled), then ``shutdown()``.
    ///
    /// In a `ServiceGroup`, put the store before the services that use it: they are shut down
    /// first, so their last operations still find Redis connected.
    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Stops the pool's threads and returns once every connection is closed; later operations fail
    /// with `cacheUnavailable`. Calling it again returns once the threads are gone.
    public func shutdown() async { await pool.shutdownAndWait() }

    deinit {
        assert(
            pool.isShutDownRequested,
            "RedisCacheStore released without shutdown(): its connection threads leak. "
                + "Call shutdown() when done, or run the store in a ServiceGroup.")
    }

    /// The shared refresh lock: `SET NX PX` with a random token, released only by its holder.
    public var refreshLock: (any RefreshLock)? { lock }

    /// `GET`: the entry, or `nil` when absent, expired or not in ``/WeatherCore/CacheEntry/serialized()`` form.
    public func get(_ key: CacheKey) async throws -> CacheEntry? {
        let reply = try await pool.execute(RedisCommand("GET", redisKey(key)))
        return try Self.entry(from: reply)
    }

    /// `MGET`: the entries for `keys` in one round trip, in the same order (`nil` for a miss).
    public func get(_ keys: [CacheKey]) async throws -> [CacheEntry?] {
        guard !keys.isEmpty else { return [] }
        let reply = try await pool.execute(RedisCommand(arguments: [Array(utf8: "MGET")] + keys.map(redisKey)))
        switch reply {
        case .array(let elements) where elements.count == keys.count:
            return try elements.map(Self.entry(from:))
        case .error(let message):
            throw WeatherError.redisRefused(message)
        default:
            throw WeatherError.redisUnexpected("MGET returned \(reply)")
        }
    }

    /// `SET key value PX ttl`; a `ttl` of zero or less deletes the key instead.
    public func set(_ key: CacheKey, to entry: CacheEntry, ttl: Duration) async throws {
        guard ttl > .zero else { return try await delete(key) }
        let reply = try await pool.execute(
            RedisCommand(
                "SET", redisKey(key), entry.serialized(), Array(utf8: "PX"),
                Array(utf8: String(ttl.roundedUpMilliseconds))
            )
        )
        try Self.expectOK(reply)
    }

    /// `DEL`.
    public func delete(_ key: CacheKey) async throws {
        let reply = try await pool.execute(RedisCommand("DEL", redisKey(key)))
        if case .error(let message) = reply { throw WeatherError.redisRefused(message) }
    }

    /// `PING` on one connection, for a health check: the round-trip time.
    ///
    /// - Throws: ``/WeatherCore/WeatherError`` with code `cacheUnavailable` when Redis does not answer `PONG`.
    @discardableResult
    public func ping() async throws -> Duration {
        let start = ContinuousClock.now
        let reply = try await pool.execute(RedisCommand("PING"))
        guard reply == .status("PONG") else { throw WeatherError.redisUnexpected("PING returned \(reply)") }
        return ContinuousClock.now - start
    }

    /// The thread of one of the pool's connections (round-robin), as a `TaskExecutor`.
    ///
    /// Code that makes many Redis calls in a row can run there, like code on an event loop:
    ///
    /// ```swift
    /// try await withTaskExecutorPreference(store.connectionExecutor()) {
    ///     for key in keys { _ = try await store.get(key) }
    /// }
    /// ```
    ///
    /// Its calls then go to that connection with no thread hop either way, which roughly halves
    /// the overhead per call. Keep such code short and non-blocking: it shares the thread with
    /// the connection's I/O, and while that connection reconnects it may wait up to the connect
    /// timeout. Calls from anywhere else are unaffected.
    public func connectionExecutor() -> any TaskExecutor { pool.nextExecutor() }

    /// How many of the pool's connections are connected right now (for metrics and /health).
    public var healthyConnections: Int { pool.healthyConnections }

    private func redisKey(_ key: CacheKey) -> [UInt8] {
        Array(utf8: configuration.keyPrefix + key.rawValue)
    }

    private static func entry(from reply: RedisReply) throws -> CacheEntry? {
        switch reply {
        case .null: return nil
        case .bulk(let bytes): return CacheEntry(serialized: bytes)
        case .error(let message): throw WeatherError.redisRefused(message)
        default: throw WeatherError.redisUnexpected("expected a string, got \(reply)")
        }
    }

    static func expectOK(_ reply: RedisReply) throws {
        switch reply {
        case .status("OK"): return
        case .error(let message): throw WeatherError.redisRefused(message)
        default: throw WeatherError.redisUnexpected("expected OK, got \(reply)")
        }
    }
}
