/// How transient upstream failures are retried: exponential backoff with full jitter, a bounded
/// number of attempts and an overall deadline; and how long a 429 silences upstream calls.
///
/// Transient: timeouts, connection failures and 5xx. A 429 is not retried: it starts a cooldown
/// (``WeatherClient`` serves stale data or throws ``WeatherError/Code/rateLimited`` meanwhile).
/// Everything else (401, 404, 400, decoding) fails at once.
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

    /// Creates a policy: 3 attempts, 200 ms doubling to at most 5 s, a 10 s deadline, a 60 s default cooldown.
    public init(
        maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(5),
        deadline: Duration = .seconds(10), defaultRateLimitCooldown: Duration = .seconds(60),
        maxRateLimitCooldown: Duration = .seconds(3600)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.deadline = deadline
        self.defaultRateLimitCooldown = defaultRateLimitCooldown
        self.maxRateLimitCooldown = maxRateLimitCooldown
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
