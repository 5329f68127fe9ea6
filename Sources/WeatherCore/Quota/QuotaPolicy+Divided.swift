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
