import WeatherCore


extension ServiceConfiguration {
    /// The most upstream calls a minute this replica makes for clients when places are tracked:
    /// the budget less the tracker's share (``trackedQuotaShare``), divided among ``quotaReplicas``,
    /// so a flood of client lookups cannot starve the tracker. `nil` when nothing is tracked.
    public var clientCallsPerMinute: Int? {
        guard !trackedPlaces.isEmpty, let perMinute = quota.callsPerMinute else { return nil }
        return max(1, Int((Double(perMinute) * (1 - trackedQuotaShare)) / Double(quotaReplicas)))
    }
}
