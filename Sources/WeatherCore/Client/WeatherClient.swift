import Foundation

/// The cache-aside OpenWeather client: answers from the cache when it can, otherwise asks upstream
/// once per key however many callers wait, retries transient failures, honours 429 cooldowns,
/// never exceeds the call budget, and serves stale data rather than failing when it may.
///
/// ```swift
/// let transport = CurlTransport()
/// let client = WeatherClient(transport: transport, cache: MemoryCacheStore())
/// let result = try await client.fetch(request, as: CurrentWeather.self)
/// print(result.value, result.cacheStatus, result.age)
/// await client.drainBackgroundRefreshes()
/// await transport.shutdown()  // or run the transport in a ServiceGroup
/// ```
///
/// Lookup order: a fresh entry is a ``CacheStatus/hit``; an entry in its stale-while-revalidate
/// window is served at once (``CacheStatus/stale``) while one background refresh runs; otherwise
/// upstream is asked (``CacheStatus/miss`` or ``CacheStatus/revalidated``), and when that fails
/// with a retryable error an entry in its stale-if-error window is served (``CacheStatus/stale``).
/// A failing cache store never fails a lookup: it is a miss.
///
/// Under faults: a key whose refresh failed is not refreshed again for a short, growing delay
/// (``RetryPolicy/refreshFailureDelay(afterFailures:unit:)``); an answer older than the cached one
/// re-arms the cached entry's freshness (``CacheStatus/revalidated``); a refresh lock that cannot
/// be reached is skipped, not waited for; and a shared refresh runs detached from the caller that
/// started it (its priority and task-locals), its errors re-addressed to each caller's query.
public final class WeatherClient: Sendable {
    let transport: any HTTPTransport
    let store: any CacheStore
    let configuration: Configuration
    let clock: any WeatherClock
    let random: WeatherRandom
    let observer: (any WeatherClientObserver)?
    let quota: any QuotaStore
    let cooldown: RateLimitCooldown
    let backoff: RefreshBackoff
    let coalescer: RequestCoalescer<Refreshed>
    let oneCallVersions = OneCallVersionBook()

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - transport: sends the upstream requests.
    ///   - cache: where entries live; a ``MemoryCacheStore`` on `clock` when `nil`.
    ///   - configuration: policies; the defaults follow OpenWeather's cadence and free plan.
    ///   - clock: the time source: wall time for cache freshness, uptime for backoff, cooldowns and quotas.
    ///   - random: the jitter source (TTL and backoff); inject a fixed one in tests.
    ///   - observer: receives events for metrics and logs.
    ///   - quota: the call budget and 429 cooldown; a ``QuotaGovernor`` for `configuration.quota` in
    ///     this process when `nil`. Pass a shared one (``FallbackQuotaStore`` over Redis) when several
    ///     replicas hold the same API key.
    ///   - refreshExecutor: where upstream refreshes run; `nil` for the global executor. Give the
    ///     cache store's own executor when it has one (`RedisCacheStore.connectionExecutor()`): a
    ///     refresh's store round trips (lock, read, write, release) then cost no thread hop.
    public init(
        transport: any HTTPTransport, cache: (any CacheStore)? = nil, configuration: Configuration = Configuration(),
        clock: any WeatherClock = SystemClock(), random: WeatherRandom = .system,
        observer: (any WeatherClientObserver)? = nil, quota: (any QuotaStore)? = nil,
        refreshExecutor: (any TaskExecutor)? = nil
    ) {
        self.coalescer = RequestCoalescer(executor: refreshExecutor)
        self.transport = transport
        self.store = cache ?? MemoryCacheStore(clock: clock)
        self.configuration = configuration
        self.clock = clock
        self.random = random
        self.observer = observer
        self.quota = quota ?? QuotaGovernor(policy: configuration.quota, clock: clock)
        self.cooldown = RateLimitCooldown(clock: clock)
        self.backoff = RefreshBackoff(policy: configuration.retry, clock: clock, random: random)
    }

    /// The cache key of `request` under this client's cache policy (schema version, coordinate
    /// precision): endpoint, normalized place, parameters and language — never units, never the API key.
    public func cacheKey(for request: OpenWeatherRequest) -> CacheKey {
        let policy = configuration.cachePolicy
        return CacheKey(
            request, schemaVersion: policy.schemaVersion, coordinatePrecision: policy.coordinatePrecision)
    }

    /// The request as sent upstream: signed with the configured API key, against the configured base URL.
    func httpRequest(for request: OpenWeatherRequest) -> TransportRequest {
        request.httpRequest(baseURL: configuration.baseURL, apiKey: configuration.apiKey)
    }

    /// Looks `request` up, from the cache or upstream, and decodes it as `M`.
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/notFound`` (possibly from a cached "not
    ///   found"), ``WeatherError/Code/rateLimited`` during a 429 cooldown, ``WeatherError/Code/quotaExhausted``
    ///   when the budget is spent, or the upstream failure, each only when no stale entry may be served.
    public func fetch<M: OpenWeatherDecodable>(_ request: OpenWeatherRequest, as type: M.Type = M.self) async throws
        -> WeatherResult<M>
    {
        do {
            return try await lookup(request, as: M.self)
        } catch let error as WeatherError {
            observer?.record(.lookupFailed(request.family, error.code))
            throw error
        }
    }

    private func lookup<M: OpenWeatherDecodable>(_ request: OpenWeatherRequest, as type: M.Type) async throws
        -> WeatherResult<M>
    {
        let key = cacheKey(for: request)
        let family = request.family
        let rule = configuration.cachePolicy.rule(for: family)
        var stale: (entry: CacheEntry, value: M)?
        let read = await readStore(key)
        // A refresh started here uses this read instead of reading the key again.
        var known = StoreRead.read(read)
        if let cached = read, cached.isUsable(at: clock.now) {
            let now = clock.now
            if cached.isFresh(at: now) {
                if cached.isNegative && cached.body.isEmpty {
                    observer?.record(.negativeHit(family))
                    throw Self.notFound(request, cached: true)
                }
                if let value = try? M(jsonBytes: cached.body) {
                    return result(value, cached, .hit, key, family)
                }
                await deleteFromStore(key)  // unreadable (older schema, corrupt): refetch
                known = .read(nil)
            } else if !cached.isNegative, let value = try? M(jsonBytes: cached.body) {
                if now < cached.freshUntil.addingTimeInterval(rule.staleWhileRevalidate.seconds) {
                    if backoff.blocked(key) == nil {  // a key that just failed is not refreshed yet
                        _ = await coalescer.flight(for: key) { [self, known] in
                            try await refresh(request, key: key, as: M.self, known: known)
                        }
                    }
                    return result(value, cached, .stale, key, family)
                }
                if Self.mayServeIfError(cached, rule, at: now) { stale = (cached, value) }
            }
        }
        do {
            // The flight runs detached: the calls it makes are charged to this caller's payer.
            let payer = UpstreamPayment.payer
            let flight = await coalescer.flight(for: key) { [self, known] in
                try await UpstreamPayment.$payer.withValue(payer) {
                    try await refresh(request, key: key, as: M.self, known: known)
                }
            }
            let refreshed = try await flight.wait()
            let entry = refreshed.entry
            if entry.isNegative && entry.body.isEmpty { throw Self.notFound(request, cached: true) }
            let value = try (refreshed.value as? M) ?? M(jsonBytes: entry.body)
            let status: CacheStatus
            switch refreshed.origin {
            case .upstream: status = stale == nil ? .miss : .revalidated
            case .revalidated: status = .revalidated
            case .cache: status = .hit
            case .stale: status = .stale
            }
            return result(value, entry, status, key, family)
        } catch let error as WeatherError where error.isRetryable {
            // The flight may have taken long: the entry must still be inside its window now.
            guard let stale, Self.mayServeIfError(stale.entry, rule, at: clock.now) else {
                throw error.addressed(to: request.subjectText, url: httpRequest(for: request))
            }
            return result(stale.value, stale.entry, .stale, key, family)  // stale-if-error
        } catch let error as WeatherError {
            throw error.addressed(to: request.subjectText, url: httpRequest(for: request))
        }
    }

    /// Whether `entry` is inside its stale-if-error window at `now` (and still stored at all).
    private static func mayServeIfError(_ entry: CacheEntry, _ rule: CachePolicy.Rule, at now: Date) -> Bool {
        !entry.isNegative && entry.isUsable(at: now)
            && now < entry.freshUntil.addingTimeInterval(rule.staleIfError.seconds)
    }

    /// How many callers are waiting on the upstream refresh of `request`'s key right now (for
    /// tests and diagnostics: a test can wait until every caller has joined one flight).
    package func callersWaiting(for request: OpenWeatherRequest) async -> Int {
        await coalescer.waiting(for: cacheKey(for: request))
    }

    /// Waits for the background refreshes started by stale-while-revalidate (graceful shutdown, tests).
    public func drainBackgroundRefreshes() async {
        await coalescer.drain()
    }

    private func result<M>(
        _ value: M, _ entry: CacheEntry, _ status: CacheStatus, _ key: CacheKey, _ family: EndpointFamily
    )
        -> WeatherResult<M>
    {
        observer?.record(.lookup(family, status))
        return WeatherResult(
            value: value, cacheStatus: status, fetchedAt: entry.fetchedAt, age: entry.age(at: clock.now), key: key,
            freshUntil: entry.freshUntil)
    }

    /// The error for a cached "not found" answer.
    static func notFound(_ request: OpenWeatherRequest, cached: Bool) -> WeatherError {
        var error = WeatherError.notFound(query: request.subjectText)
        if cached { error.underlying = "a cached answer; OpenWeather is asked again when it expires" }
        return error
    }
}

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
