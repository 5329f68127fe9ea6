public import WeatherCore

/// A ``/WeatherCore/RefreshLock`` shared by every process using one Redis.
///
/// `acquire` is `SET lock:<key> <token> NX PX <ttl>` with a random 128-bit token; `release` runs
/// a Lua script (`EVALSHA`; `EVAL` the first time) that deletes the lock only if it still holds
/// that token, so a holder whose lock expired and was taken by another never releases the other's
/// lock. A crashed holder's lock expires after `ttl`.
public struct RedisRefreshLock: RefreshLock {
    private let pool: RedisConnectionPool
    private let keyPrefix: String

    static let releaseScript = """
        if redis.call("get",KEYS[1]) == ARGV[1] then return redis.call("del",KEYS[1]) else return 0 end
        """

    /// ``releaseScript``, sent by its SHA-1 once Redis knows it.
    static let release = RedisScript(releaseScript)

    init(pool: RedisConnectionPool, keyPrefix: String) {
        self.pool = pool
        self.keyPrefix = keyPrefix
    }

    /// Tries once to take the lock for `key` for `ttl`; `nil` when another holder has it.
    public func acquire(_ key: CacheKey, ttl: Duration) async throws -> RefreshLockToken? {
        let token = RefreshLockToken(key: key, value: Self.randomToken())
        let reply = try await pool.execute(
            RedisCommand(
                "SET", lockKey(key), Array(utf8: token.value), Array(utf8: "NX"), Array(utf8: "PX"),
                Array(utf8: String(max(1, ttl.roundedUpMilliseconds)))
            )
        )
        switch reply {
        case .status("OK"): return token
        case .null: return nil
        case .error(let message): throw WeatherError.redisRefused(message)
        default: throw WeatherError.redisUnexpected("SET NX returned \(reply)")
        }
    }

    /// Releases the lock if `token` still holds it; does nothing otherwise.
    public func release(_ token: RefreshLockToken) async throws {
        let reply = try await Self.release.run(
            on: pool, keys: [lockKey(token.key)], arguments: [Array(utf8: token.value)])
        if case .error(let message) = reply { throw WeatherError.redisRefused(message) }
    }

    private func lockKey(_ key: CacheKey) -> [UInt8] {
        Array(utf8: keyPrefix + key.rawValue)
    }

    private static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        let hex = String(high, radix: 16) + String(low, radix: 16)
        return String(repeating: "0", count: max(0, 32 - hex.count)) + hex
    }
}
