public import WeatherCore

/// A ``/WeatherCore/Lease`` in Redis: one key, `<prefix>lease:<name>`, holding the holder's name.
///
/// `acquire` is `SET key holder NX PX ttl`; `renew` a script that extends the expiry only while
/// the key still holds `holder` (compare-and-`PEXPIRE`); `release` a script that deletes it only
/// then. A holder that dies stops renewing, and the key expires within `ttl`.
public struct RedisLease: Lease {
    /// The lease's Redis key.
    public let key: String
    private let pool: RedisConnectionPool

    static let renewScript = RedisScript(
        """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """)

    static let releaseScript = RedisRefreshLock.release

    /// The lease `name` in the Redis of `store` (sharing its connections), under its key prefix.
    public init(store: RedisCacheStore, name: String) {
        self.pool = store.pool
        self.key = store.configuration.keyPrefix + "lease:" + name
    }

    /// `SET NX PX`: `true` when `holder` took the lease, `false` when someone holds it.
    public func acquire(holder: String, ttl: Duration) async throws -> Bool {
        let reply = try await pool.execute(
            RedisCommand(
                "SET", Array(utf8: key), Array(utf8: holder), Array(utf8: "NX"), Array(utf8: "PX"),
                Array(utf8: String(max(1, ttl.roundedUpMilliseconds)))))
        switch reply {
        case .status("OK"): return true
        case .null: return false
        case .error(let message): throw WeatherError.redisRefused(message)
        default: throw WeatherError.redisUnexpected("SET NX returned \(reply)")
        }
    }

    /// Extends the lease while `holder` holds it; `false` when it expired or another took it.
    public func renew(holder: String, ttl: Duration) async throws -> Bool {
        let reply = try await Self.renewScript.run(
            on: pool, keys: [Array(utf8: key)],
            arguments: [Array(utf8: holder), Array(utf8: String(max(1, ttl.roundedUpMilliseconds)))])
        switch reply {
        case .integer(let extended): return extended == 1
        case .error(let message): throw WeatherError.redisRefused(message)
        default: throw WeatherError.redisUnexpected("the renew script returned \(reply)")
        }
    }

    /// Deletes the lease if `holder` holds it.
    public func release(holder: String) async throws {
        let reply = try await Self.releaseScript.run(
            on: pool, keys: [Array(utf8: key)], arguments: [Array(utf8: holder)])
        if case .error(let message) = reply { throw WeatherError.redisRefused(message) }
    }
}
