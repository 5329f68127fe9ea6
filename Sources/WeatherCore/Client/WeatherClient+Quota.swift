extension WeatherClient {
    /// The upstream budget as this client sees it (``QuotaStore/snapshot()`` of its quota store),
    /// with this client's own 429 cooldown folded in: a cooldown the client started after an
    /// upstream 429 holds even when the shared store could not be told. `nil` when the store keeps
    /// no figures.
    ///
    /// - Throws: what the quota store throws when it cannot answer.
    public func quotaSnapshot() async throws -> QuotaSnapshot? {
        guard var snapshot = try await quota.snapshot() else { return nil }
        if let own = cooldown.remaining(), own > snapshot.cooldownRemaining ?? .zero {
            snapshot.cooldownRemaining = own
        }
        return snapshot
    }

    /// The ``APIKey/fingerprint`` of the configured key: how the account is named where the key
    /// must not appear (Redis keys, `GET /v1/quota`).
    public var apiKeyFingerprint: String { configuration.apiKey.fingerprint }
}
