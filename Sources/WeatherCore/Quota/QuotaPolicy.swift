/// The upstream call budget ``WeatherClient`` never exceeds.
///
/// The free OpenWeather plan allows 60 calls a minute for the whole account and 1,000 One Call
/// calls a day. Every upstream attempt (retries included) spends one call.
public struct QuotaPolicy: Sendable, Equatable {
    /// Calls allowed in any 60-second window, all families together; `nil` for no limit.
    public var callsPerMinute: Int?
    /// Calls allowed per UTC day for some families, e.g. `[.oneCall: 1_000]`.
    public var dailyBudget: [EndpointFamily: Int]

    /// Creates a policy: 60 calls a minute, no daily budget.
    public init(callsPerMinute: Int? = 60, dailyBudget: [EndpointFamily: Int] = [:]) {
        self.callsPerMinute = callsPerMinute.map { max(0, $0) }
        self.dailyBudget = dailyBudget
    }

    /// No limits at all (tests, or an upstream that is not OpenWeather's metered API).
    public static let unlimited = QuotaPolicy(callsPerMinute: nil)
}

extension QuotaPolicy {
    /// This policy shared out between `replicas` processes: each limit divided by `replicas`,
    /// rounded down but never below one call (a limit of zero stays zero) — never unlimited.
    ///
    /// A replica uses it while the shared quota cannot be reached, so that N replicas together
    /// still stay within the account's budget.
    public func divided(among replicas: Int) -> QuotaPolicy {
        let n = max(1, replicas)
        func share(_ limit: Int) -> Int { limit == 0 ? 0 : max(1, limit / n) }
        return QuotaPolicy(callsPerMinute: callsPerMinute.map(share), dailyBudget: dailyBudget.mapValues(share))
    }
}
