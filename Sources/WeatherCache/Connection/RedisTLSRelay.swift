import CRedisTLS

/// The relay threads of `rediss://` connections (see `Sources/CRedisTLS`).
enum RedisTLSRelay {
    /// How many relay threads run now: one per open TLS connection; tests check that each ends
    /// once hiredis frees its context.
    static var activeRelays: Int { Int(weather_redis_tls_active_pumps()) }
}
