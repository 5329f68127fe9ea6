extension APIKey {
    /// A stable, one-way name for this key: the SHA-256 of `weather-tracker:` followed by the key,
    /// as 64 hexadecimal digits.
    ///
    /// Replicas that hold the same key share one account-wide quota; they find it in Redis under
    /// this fingerprint, so the key itself never reaches a Redis key, value, log line or metric.
    /// (The prefix keeps the digest from matching a plain SHA-256 of the key found elsewhere.)
    public var fingerprint: String {
        SHA256.hex(Array("weather-tracker:".utf8) + Array(value.utf8))
    }
}
