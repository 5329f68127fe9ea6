import WeatherCore

extension WeatherError {
    /// Redis cannot be used right now (down, reconnecting, refused the command, too slow).
    ///
    /// Always ``WeatherError/Code/cacheUnavailable``: callers treat it as a miss and go upstream.
    static func redisUnavailable(_ message: String, underlying: String? = nil) -> WeatherError {
        WeatherError(code: .cacheUnavailable, message: message, underlying: underlying)
    }

    /// No connection of the pool is healthy.
    static func redisDown(_ lastFailure: String?) -> WeatherError {
        .redisUnavailable(
            "Redis is unreachable; serving without the shared cache while the pool reconnects in the background.",
            underlying: lastFailure
        )
    }

    /// The command did not complete within the command timeout.
    static func redisTimeout(_ timeout: Duration) -> WeatherError {
        .redisUnavailable(
            "Redis did not answer within the command timeout (\(timeout)); the lookup is treated as a miss.",
            underlying: "timed out"
        )
    }

    /// Redis answered with an error reply (`-ERR …`, `-NOAUTH …`, `-WRONGTYPE …`).
    static func redisRefused(_ reply: String) -> WeatherError {
        if reply.hasPrefix("NOAUTH") || reply.hasPrefix("WRONGPASS") {
            return .redisUnavailable(
                "Redis authentication failed: the server wants a password (or another one); set it in the Redis URL.",
                underlying: reply)
        }
        return .redisUnavailable("Redis refused the command; check the server's configuration.", underlying: reply)
    }

    /// Redis answered something this store did not expect.
    static func redisUnexpected(_ reply: String) -> WeatherError {
        .redisUnavailable("Redis sent an unexpected reply.", underlying: reply)
    }
}
