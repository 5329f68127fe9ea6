/// How long answers stay fresh, how long they may be served stale, and what is cached at all.
///
/// The defaults follow OpenWeather's update cadence: current weather and One Call are recomputed
/// about every 10 minutes (and OpenWeather asks callers not to fetch a place more often), the
/// forecast every few hours (30 minutes keeps it close), air quality hourly, and geocoding data
/// practically never changes (30 days). "Not found" answers are kept 5 minutes so a typo cannot
/// spend the quota, but a newly listed place appears soon.
public struct CachePolicy: Sendable {
    /// The lifetimes of one endpoint family's entries.
    public struct Rule: Sendable, Equatable {
        /// How long an entry is served without asking upstream (before jitter).
        public var freshFor: Duration
        /// RFC 5861 `stale-while-revalidate`: after `freshFor`, how long the entry is still served
        /// at once while one background refresh runs.
        public var staleWhileRevalidate: Duration
        /// RFC 5861 `stale-if-error`: after `freshFor`, how long the entry is served when upstream
        /// fails, times out, rate-limits or the quota is spent.
        public var staleIfError: Duration

        /// Creates a rule.
        public init(freshFor: Duration, staleWhileRevalidate: Duration, staleIfError: Duration) {
            self.freshFor = freshFor
            self.staleWhileRevalidate = staleWhileRevalidate
            self.staleIfError = staleIfError
        }

        /// How long after `freshFor` the entry is kept at all.
        public var staleWindow: Duration { max(staleWhileRevalidate, staleIfError) }
    }

    /// Per-family rules; families not listed use ``defaultRule``.
    public var rules: [EndpointFamily: Rule]
    /// The rule for families without their own.
    public var defaultRule: Rule
    /// How long a "not found" answer (404, empty geocoding result) is cached. Never served stale.
    public var notFoundTTL: Duration
    /// Relative TTL jitter: each fresh lifetime is multiplied by a uniform factor in
    /// `1 - jitter ... 1 + jitter`, so entries written together do not expire together. Clamped to 0...0.5.
    public var jitter: Double
    /// Decimals kept when coordinates go into a ``CacheKey`` (2 ≈ 1.1 km).
    public var coordinatePrecision: Int
    /// The cached form's version, part of every key.
    public var schemaVersion: Int

    /// Creates a policy; every parameter has the documented default.
    public init(
        rules: [EndpointFamily: Rule] = CachePolicy.defaultRules,
        defaultRule: Rule = Rule(
            freshFor: .seconds(600), staleWhileRevalidate: .seconds(300), staleIfError: .seconds(3600)),
        notFoundTTL: Duration = .seconds(300),
        jitter: Double = 0.10,
        coordinatePrecision: Int = 2,
        schemaVersion: Int = CacheKey.currentSchemaVersion
    ) {
        self.rules = rules
        self.defaultRule = defaultRule
        self.notFoundTTL = notFoundTTL
        self.jitter = jitter
        self.coordinatePrecision = coordinatePrecision
        self.schemaVersion = schemaVersion
    }

    /// current and One Call 10 min, forecast 30 min, air 1 h, geocoding 30 days; each with a
    /// stale-while-revalidate window of half its lifetime (at most a day) and a longer stale-if-error window.
    public static let defaultRules: [EndpointFamily: Rule] = [
        .current: Rule(freshFor: .seconds(600), staleWhileRevalidate: .seconds(300), staleIfError: .seconds(3600)),
        .oneCall: Rule(freshFor: .seconds(600), staleWhileRevalidate: .seconds(300), staleIfError: .seconds(3600)),
        .forecast: Rule(
            freshFor: .seconds(1800), staleWhileRevalidate: .seconds(900), staleIfError: .seconds(3 * 3600)),
        .air: Rule(freshFor: .seconds(3600), staleWhileRevalidate: .seconds(1800), staleIfError: .seconds(6 * 3600)),
        .geocoding: Rule(
            freshFor: .seconds(30 * 86400), staleWhileRevalidate: .seconds(86400), staleIfError: .seconds(7 * 86400)
        ),
    ]

    /// The rule for `family`.
    public func rule(for family: EndpointFamily) -> Rule { rules[family] ?? defaultRule }

    /// `base` scaled by `1 + jitter * (2u - 1)` for `u` in `0..<1`: always within ±``jitter``.
    public func jittered(_ base: Duration, unit u: Double) -> Duration {
        let spread = min(max(jitter, 0), 0.5)
        let unit = min(max(u, 0), 1)
        let factor = 1 + spread * (2 * unit - 1)
        return .milliseconds(Int64((base.seconds * factor * 1000).rounded()))
    }
}
