
/// The per-client limit on lookups that would go upstream (`CLIENT_LIMIT*`, `TRUSTED_PROXY_HOPS`).
///
/// Every client (a remote address; an IPv6 client by its /64) has a token bucket of ``burst`` tokens
/// that refills at ``ratePerSecond``. A lookup the near-cache cannot answer takes a token before it
/// reaches the client; one answered from the shared cache after all gives it back. An empty bucket
/// answers 429 with `Retry-After`. Warm hits never reach the bucket, so they are never limited.
///
/// The default (on, 0.25 per second, burst 20) lets a person browse freely and keeps any one
/// address to a quarter of the default upstream budget (60 calls a minute): a client asking for a
/// new city on every request cannot spend the account's quota for everyone else.
public struct ClientLimit: Sendable, Equatable {
    /// Whether the limit applies (`CLIENT_LIMIT=on|off`, default on).
    public var isEnabled: Bool
    /// Tokens added per second (`CLIENT_LIMIT_RATE`, default 0.25: 15 upstream lookups a minute).
    public var ratePerSecond: Double
    /// The bucket size: lookups a client may make at once after a quiet spell (`CLIENT_LIMIT_BURST`, default 20).
    public var burst: Int
    /// The most clients remembered; the least recently seen is forgotten first, and a client whose
    /// bucket has refilled is forgotten anyway (`CLIENT_LIMIT_CLIENTS`, default 100,000).
    public var maxClients: Int
    /// How many proxies in front of the service append to `X-Forwarded-For` (`TRUSTED_PROXY_HOPS`,
    /// default 0: the connection's remote address is the client and the header is ignored).
    public var trustedProxyHops: Int

    /// The default: on, 0.25 per second, burst 20, 100,000 clients, no trusted proxy.
    public init(
        isEnabled: Bool = true, ratePerSecond: Double = 0.25, burst: Int = 20, maxClients: Int = 100_000,
        trustedProxyHops: Int = 0
    ) {
        self.isEnabled = isEnabled
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.maxClients = maxClients
        self.trustedProxyHops = trustedProxyHops
    }

    /// No limit.
    public static let off = ClientLimit(isEnabled: false)
}
