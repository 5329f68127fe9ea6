/// Which One Call API a ``WeatherClient`` uses: a setting (``WeatherClient/Configuration/oneCallVersion``).
///
/// OpenWeather sells One Call 3.0 and 4.0 as separate subscriptions that cannot be active on one
/// account together, and new accounts get 4.0. ``automatic`` finds out which one the key has.
public enum OneCallVersion: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Detect the version the key is subscribed to (``OneCallAPI``), remember it per key in the
    /// cache store (replicas sharing one store agree after one probe) and check again daily.
    case automatic = "auto"
    /// Always One Call 3.0 (`/data/3.0/onecall`).
    case v3 = "3.0"
    /// Always One Call 4.0 (`/data/4.0/onecall/…`).
    case v4 = "4.0"

    /// The fixed API, or `nil` for ``automatic``.
    public var fixedAPI: OneCallAPI? {
        switch self {
        case .automatic: nil
        case .v3: .v3
        case .v4: .v4
        }
    }

    /// The raw value: `auto`, `3.0` or `4.0`.
    public var description: String { rawValue }
}

/// One of OpenWeather's One Call APIs: what answered a One Call lookup.
public enum OneCallAPI: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// One Call 3.0: one combined document per call.
    case v3 = "3.0"
    /// One Call 4.0: six focused endpoints, a combined answer assembled from several calls.
    case v4 = "4.0"

    /// The other API (what a 401 naming this one's subscription makes a client try).
    public var other: OneCallAPI { self == .v3 ? .v4 : .v3 }

    /// The raw value: `3.0` or `4.0`.
    public var description: String { rawValue }
}
