/// How transient upstream failures are retried: exponential backoff with full jitter, a bounded
/// number of attempts and an overall deadline; and how long a 429 silences upstream calls.
///
/// Transient: timeouts, connection failures and 5xx. A 429 is not retried: it starts a cooldown
/// (``WeatherClient`` serves stale data or throws ``WeatherError/Code/rateLimited`` meanwhile).
/// Everything else (401, 404, 400, decoding) fails at once.
///
/// Each attempt is bounded by ``attemptTimeout`` and by the time left before ``deadline``, so a
/// hung first attempt leaves time for a retry and no attempt outlives the refresh (or its lock).
/// After a refresh has failed, its key is not refreshed again for a short, jittered, growing
/// delay (``refreshFailureDelay(afterFailures:unit:)``), so lookups arriving meanwhile serve stale
/// data or the same error instead of calling upstream again at once.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in total, the first included (1 disables retries).
    public var maxAttempts: Int
    /// The backoff cap before the first retry; it doubles for every further retry.
    public var baseDelay: Duration
    /// The largest backoff cap.
    public var maxDelay: Duration
    /// The time allowed for all attempts and backoffs of one refresh; no retry starts after it.
    public var deadline: Duration
    /// The cooldown after a 429 that carries no usable `Retry-After` (OpenWeather counts per minute).
    public var defaultRateLimitCooldown: Duration
    /// The longest cooldown honoured, whatever `Retry-After` says.
    public var maxRateLimitCooldown: Duration
    /// The longest one attempt may take (it is also cut to the time left before ``deadline``);
    /// passed to the transport as ``TransportRequest/timeout``.
    public var attemptTimeout: Duration
    /// How long a key is not refreshed after its first failed refresh (before jitter); doubles
    /// with every further failure in a row.
    public var refreshFailureBackoff: Duration
    /// The longest wait between failed refreshes of one key.
    public var maxRefreshFailureBackoff: Duration

    /// Creates a policy: 3 attempts, 200 ms doubling to at most 5 s, a 10 s deadline, 5 s per
    /// attempt, a 60 s default cooldown, and 2 s doubling to at most 60 s between failed refreshes of a key.
    public init(
        maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5),
        deadline: Duration = .seconds(10), defaultRateLimitCooldown: Duration = .seconds(60),
        maxRateLimitCooldown: Duration = .seconds(3600), attemptTimeout: Duration = .seconds(5),
        refreshFailureBackoff: Duration = .seconds(2), maxRefreshFailureBackoff: Duration = .seconds(60)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.deadline = deadline
        self.defaultRateLimitCooldown = defaultRateLimitCooldown
        self.maxRateLimitCooldown = maxRateLimitCooldown
        self.attemptTimeout = max(attemptTimeout, .milliseconds(1))
        self.refreshFailureBackoff = max(refreshFailureBackoff, .zero)
        self.maxRefreshFailureBackoff = max(maxRefreshFailureBackoff, .zero)
    }

    /// The cap before retry number `retry` (1 for the first retry): `min(maxDelay, baseDelay · 2^(retry-1))`.
    public func backoffCap(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let cap = baseDelay.seconds * Double(1 << exponent)
        return .milliseconds(Int64((min(cap, maxDelay.seconds) * 1000).rounded()))
    }

    /// "Full jitter": a delay uniform in `0 ... backoffCap(beforeRetry:)`, from `unit` in `0..<1`.
    public func backoff(beforeRetry retry: Int, unit: Double) -> Duration {
        let u = min(max(unit, 0), 1)
        return .milliseconds(Int64((backoffCap(beforeRetry: retry).seconds * u * 1000).rounded()))
    }

    /// "Equal jitter" after `failures` failed refreshes in a row (1 for the first): a delay uniform in
    /// `cap/2 ... cap`, where `cap = min(maxRefreshFailureBackoff, refreshFailureBackoff · 2^(failures-1))`.
    /// Never below half the cap, so a failing key always waits.
    public func refreshFailureDelay(afterFailures failures: Int, unit: Double) -> Duration {
        let exponent = min(max(failures - 1, 0), 30)
        let cap = min(refreshFailureBackoff.seconds * Double(1 << exponent), maxRefreshFailureBackoff.seconds)
        let u = min(max(unit, 0), 1)
        return .milliseconds(Int64((cap * (0.5 + 0.5 * u) * 1000).rounded()))
    }

    /// The cooldown for a 429: `Retry-After` when given, else the default, never above the maximum.
    public func cooldown(retryAfter: Duration?) -> Duration {
        min(max(retryAfter ?? defaultRateLimitCooldown, .zero), maxRateLimitCooldown)
    }

    /// Whether a failure is transient and worth retrying within this refresh.
    public static func isTransient(_ code: WeatherError.Code) -> Bool {
        code == .timeout || code == .connectionFailed || code == .connectionRefused || code == .dnsFailure
            || code == .serverError
    }
}
