/// Where the service's weather comes from.
///
/// Demo weather is synthetic: every lookup answer in demo mode says `"mode": "demo"` in its body and
/// is sent with `Cache-Control: no-store`, so neither a person nor a shared cache can take it for
/// real weather.
public enum ServiceMode: String, Sendable, Hashable {
    /// OpenWeather, with the configured API key.
    case live
    /// Synthetic weather from the embedded OpenWeather stub.
    case demo

    /// The `mode` member of lookup bodies: `demo` in demo mode, absent (`nil`) for real weather.
    package var bodyMarker: String? { self == .demo ? rawValue : nil }

    /// Whether shared caches may keep the service's lookup answers (`Cache-Control: public`); demo
    /// answers are `no-store`.
    package var answersAreShareable: Bool { self == .live }
}

/// How a cache is kept: what `/health` and the start-up line report.
public enum CacheKind: String, Sendable, Hashable {
    /// In this process only.
    case memory
    /// Shared by every replica in Redis, with an in-process front.
    case redis
}
