import Foundation
public import WeatherCore

extension RedisQuotaStore {
    /// The account's figures in Redis (``/WeatherCore/QuotaScope/shared``), read in one script
    /// that spends and trims nothing: the sliding window, each family's day counter and the cooldown.
    ///
    /// - Throws: ``/WeatherCore/WeatherError`` with code `cacheUnavailable` when Redis cannot answer;
    ///   `CancellationError` once the store was shut down.
    public func snapshot() async throws -> QuotaSnapshot? {
        do {
            return try await readSnapshot()
        } catch is WeatherError where pool.isShutDownRequested {
            throw CancellationError()
        }
    }

    private func readSnapshot() async throws -> QuotaSnapshot {
        let now = clock.now
        let day = Self.utcDay(now)
        let families = policy.dailyBudget.keys.sorted { $0.rawValue < $1.rawValue }
        let keys = [base + "minute", base + "cooldown"] + families.map { dayKey($0, day: day.text) }
        let reply = try await Self.snapshotScript.run(
            on: pool, keys: keys.map(Array.init(utf8:)),
            arguments: [Array(utf8: String(max(1, window.roundedUpMilliseconds)))])
        guard case .array(let parts) = reply, parts.count == 3 + families.count else {
            if case .error(let message) = reply { throw WeatherError.redisRefused(message) }
            throw WeatherError.redisUnexpected("the quota snapshot script returned \(reply)")
        }
        let values = parts.map { $0.integerValue ?? 0 }
        var perMinute: QuotaUsage?
        if let limit = policy.callsPerMinute {
            let back = values[1]
            perMinute = QuotaUsage(
                limit: limit, used: Int(values[0]),
                resetsAt: back < 0 ? nil : now.addingTimeInterval(TimeInterval(back)))
        }
        let midnight = QuotaSnapshot.nextUTCMidnight(after: now)
        var daily: [EndpointFamily: QuotaUsage] = [:]
        for (index, family) in families.enumerated() {
            daily[family] = QuotaUsage(
                limit: policy.dailyBudget[family] ?? 0, used: Int(values[3 + index]), resetsAt: midnight)
        }
        let cooldown = values[2]
        return QuotaSnapshot(
            scope: .shared, perMinute: perMinute, daily: daily,
            cooldownRemaining: cooldown > 0 ? .milliseconds(cooldown) : nil, takenAt: now)
    }
}
