import WeatherCore

extension RedisCacheStore {
    /// Where Redis is and how to talk to it.
    ///
    /// Build it from fields, or from a URL with ``init(url:)`` (`rediss://` for TLS, see ``TLS``):
    ///
    /// ```swift
    /// var configuration = try RedisCacheStore.Configuration(url: "redis://:secret@127.0.0.1:6379/2")
    /// configuration.poolSize = 8
    /// let store = RedisCacheStore(configuration: configuration)
    /// // … use it, then (or run it in a ServiceGroup):
    /// await store.shutdown()
    /// ```
    public struct Configuration: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
        /// Host name or IP address.
        public var host: String
        /// TCP port.
        public var port: Int
        /// The ACL user for `AUTH user password` (Redis 6+); `nil` for plain `AUTH password`.
        public var username: String?
        /// The password sent with `AUTH` at every (re)connect; `nil` for none.
        public var password: String?
        /// The logical database chosen with `SELECT` at every (re)connect.
        public var database: Int
        /// Prepended to every key, so that several applications can share one Redis.
        public var keyPrefix: String
        /// How many connections (and dedicated threads) the pool keeps; 1 by default.
        ///
        /// One connection pipelines every call made while its last round trip was out into one
        /// batch, so under load it costs fewer round trips and thread wake-ups than several
        /// connections each carrying one call: with the service's miss path (five Redis calls per
        /// miss) one connection answered ~20 % more misses per second than four, at ~15 % less CPU
        /// per miss. More connections help when single commands are slow (large values, a distant
        /// Redis), since a pipeline waits for its slowest reply.
        public var poolSize: Int
        /// How long a connect attempt may take, name resolution included.
        public var connectTimeout: Duration
        /// How long an operation may wait for its turn on a connection (after that it fails unsent),
        /// and how long the round trip of the pipelined batch it goes out in may take.
        public var commandTimeout: Duration
        /// The first reconnect delay after a failure; it doubles up to ``maximumReconnectBackoff``.
        public var reconnectBackoff: Duration
        /// The longest delay between reconnect attempts.
        public var maximumReconnectBackoff: Duration
        /// TLS settings for `rediss://`; `nil` speaks plain TCP.
        public var tls: TLS?
        /// How host names become addresses; the system resolver, bounded by ``connectTimeout``.
        var resolver: HostResolver = .system

        /// Creates a configuration; the defaults suit a Redis on the same host or network.
        public init(
            host: String = "127.0.0.1", port: Int = 6379, username: String? = nil, password: String? = nil,
            database: Int = 0, keyPrefix: String = "weather:", poolSize: Int = 1,
            connectTimeout: Duration = .milliseconds(500), commandTimeout: Duration = .milliseconds(250),
            reconnectBackoff: Duration = .milliseconds(50), maximumReconnectBackoff: Duration = .seconds(1),
            tls: TLS? = nil
        ) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
            self.keyPrefix = keyPrefix
            self.poolSize = poolSize
            self.connectTimeout = connectTimeout
            self.commandTimeout = commandTimeout
            self.reconnectBackoff = reconnectBackoff
            self.maximumReconnectBackoff = maximumReconnectBackoff
            self.tls = tls
        }

        /// The fields as `dump()`, debuggers and reflection show them, with the password replaced
        /// by `***` (as ``description`` does), so the secret never reaches a log by accident.
        public var customMirror: Mirror {
            Mirror(
                self,
                children: [
                    "host": host, "port": port, "username": username as Any,
                    "password": (password == nil ? "nil" : "***") as Any, "database": database,
                    "keyPrefix": keyPrefix, "poolSize": poolSize, "connectTimeout": connectTimeout,
                    "commandTimeout": commandTimeout, "reconnectBackoff": reconnectBackoff,
                    "maximumReconnectBackoff": maximumReconnectBackoff, "tls": tls as Any,
                ], displayStyle: .struct)
        }

        /// The configuration as a URL, with the password replaced by `***`.
        public var description: String {
            var credentials = ""
            if username != nil || password != nil {
                credentials = (username ?? "") + (password != nil ? ":***" : "") + "@"
            }
            let scheme = tls == nil ? "redis" : "rediss"
            return "\(scheme)://\(credentials)\(host):\(port)/\(database) (prefix \"\(keyPrefix)\", pool \(poolSize))"
        }
    }
}
