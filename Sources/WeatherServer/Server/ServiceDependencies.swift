import Foundation
public import Logging
public import Tracing
public import WeatherCore
public import WeatherServerCore
import WeatherPages

/// What the routes need, built once per process (or per test): the client, its clock and cache
/// policy, the near-cache, and what `/health` and `/ready` report.
public final class ServiceDependencies: Sendable {
    /// Every lookup goes through it.
    public let client: WeatherClient
    /// The clock of the client (and of the near-cache and `Age` headers).
    public let clock: any WeatherClock
    /// The policy the client was configured with: it sets the stale windows in `Cache-Control`.
    public let cachePolicy: CachePolicy
    /// Where the weather comes from: in demo mode every lookup answer says so and is never stored by shared caches.
    public let mode: ServiceMode
    /// Where the cache lives, as `/health` reports it.
    public let cacheKind: CacheKind
    /// The dependencies `/ready` checks, by name (`redis`); each throws or returns within its bound.
    public let readinessChecks: [String: @Sendable () async throws -> Void]
    /// The service's logger (request lines, errors an operator must see).
    public let logger: Logger
    /// The places the tracker keeps warm (`GET /v1/tracked`).
    public let trackedPlaces: [Place]
    /// Receives the lookups the near-cache answers (as `CacheStatus.hit`), so metrics count every hit.
    public let observer: (any WeatherClientObserver)?
    /// How many connections to Redis are up (`weather_redis_up`); `nil` without Redis.
    public let redisHealthyConnections: (@Sendable () -> Int)?
    /// The shared quota with its local fallback (`weather_quota_shared`); `nil` without Redis.
    public let quotaFallback: FallbackQuotaStore?
    /// The tracer of the service's spans when tracing is on (``TracingBackend``); `nil` when off, so
    /// the fast path and the router pay nothing for tracing then.
    public let tracer: (any Tracer)?
    let nearCache: EncodedBodyCache
    /// The per-client limit on lookups that go upstream; `nil` when off.
    let clientLimiter: ClientRateLimiter?
    /// The clients' part of the per-minute budget, the rest kept for the tracker; `nil` when nothing is tracked.
    let clientShare: QuotaGovernor?
    /// Warns once when `X-Forwarded-For` arrives while no proxy is trusted.
    let untrustedForwarding: UntrustedForwardingNotice
    let startedAt: ContinuousClock.Instant
    let staleDirectives: [EndpointFamily: String]

    /// Creates the dependencies. `clientLimit` is off unless given: the runner passes the configured
    /// one, and with tracked places `clientCallsPerMinute`, the most calls a minute made for clients
    /// (`ServiceConfiguration.clientCallsPerMinute`).
    public init(
        client: WeatherClient, clock: any WeatherClock, cachePolicy: CachePolicy, mode: ServiceMode, cacheKind: CacheKind,
        readinessChecks: [String: @Sendable () async throws -> Void] = [:], logger: Logger,
        trackedPlaces: [Place] = [], observer: (any WeatherClientObserver)? = nil,
        redisHealthyConnections: (@Sendable () -> Int)? = nil,
        nearCacheEntries: Int = 4_096, nearCacheBytes: Int = 32 << 20, quotaFallback: FallbackQuotaStore? = nil,
        clientLimit: ClientLimit = .off, clientCallsPerMinute: Int? = nil, tracer: (any Tracer)? = nil
    ) {
        self.tracer = tracer
        self.clientShare = clientCallsPerMinute.map {
            QuotaGovernor(policy: QuotaPolicy(callsPerMinute: max(1, $0)), clock: clock)
        }
        self.quotaFallback = quotaFallback
        self.clientLimiter = clientLimit.isEnabled ? ClientRateLimiter(limit: clientLimit, clock: clock) : nil
        self.redisHealthyConnections = redisHealthyConnections
        self.observer = observer
        self.client = client
        self.clock = clock
        self.cachePolicy = cachePolicy
        self.mode = mode
        self.cacheKind = cacheKind
        self.readinessChecks = readinessChecks
        self.logger = logger
        self.untrustedForwarding = UntrustedForwardingNotice(logger: logger)
        self.trackedPlaces = trackedPlaces
        self.nearCache = EncodedBodyCache(maxEntries: nearCacheEntries, maxBytes: nearCacheBytes)
        self.startedAt = .now
        var directives: [EndpointFamily: String] = [:]
        for family in [EndpointFamily.current, .forecast, .oneCall, .air, .geocoding] {
            directives[family] = LookupResponse.staleDirectives(cachePolicy.rule(for: family))
        }
        self.staleDirectives = directives
    }

    /// Sets the gauges that are read rather than recorded: Redis up, near-cache size.
    func refreshGauges(_ metrics: ServiceMetrics) {
        if let redisHealthyConnections {
            metrics.set(.weatherRedisUp, [], redisHealthyConnections() > 0 ? 1 : 0)
        }
        if let quotaFallback {
            let local = quotaFallback.isUsingLocalBudget
            metrics.set(.weatherQuotaShared, [], local ? 0 : 1)
            let limit = local ? quotaFallback.local.quotaPolicy.callsPerMinute : quotaFallback.policy.callsPerMinute
            metrics.set(.weatherQuotaPerMinuteLimit, [], Double(limit ?? -1))
        }
        metrics.set(.weatherNearCacheEntries, [], Double(nearCache.count))
        metrics.set(.weatherNearCacheBytes, [], Double(nearCache.byteCount))
        if let clientLimiter {
            metrics.set(.weatherClientLimitClients, [], Double(clientLimiter.trackedClients))
        }
    }

    /// The stale windows of `family` as `Cache-Control` directives.
    func staleDirectives(for family: EndpointFamily) -> String {
        staleDirectives[family] ?? LookupResponse.staleDirectives(cachePolicy.rule(for: family))
    }
}

extension ServiceDependencies {
    /// A lookup's encoded body with the cache directives of `family` and of this service's mode.
    func encodedBody(_ bytes: [UInt8], fetchedAt: Date, freshUntil: Date, family: EndpointFamily) -> EncodedBody {
        EncodedBody(
            bytes: bytes, fetchedAt: fetchedAt, freshUntil: freshUntil, staleDirectives: staleDirectives(for: family),
            isShareable: mode.answersAreShareable)
    }

    /// The answer for a near-cache hit on a lookup of `family`: the hit counted as the client would
    /// count it, then the body with its headers for `now`.
    func nearCacheHit(_ body: EncodedBody, family: EndpointFamily, now: Date, ifNoneMatch: String?) -> FastAnswer {
        observer?.record(.lookup(family, .hit))
        return LookupResponse.answer(body, status: .hit, now: now, ifNoneMatch: ifNoneMatch)
    }
}
