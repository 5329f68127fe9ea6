import Foundation
public import WeatherCore

/// The account-wide ``/WeatherCore/QuotaStore`` in Redis: every replica holding one API key spends one budget.
///
/// Each ``acquire(_:)`` is one Lua script (`EVALSHA`, `EVAL` when Redis does not know it yet) that
/// checks the shared 429 cooldown, the family's daily budget and a sliding 60-second window, and
/// spends the call only when all allow it — atomically, however many replicas ask at once. The
/// window is a sorted set of spend times in Redis's clock; the daily budgets follow the UTC day.
///
/// Keys, under the store's ``RedisCacheStore/Configuration/keyPrefix`` and the key's
/// ``/WeatherCore/APIKey/fingerprint`` (never the key itself):
/// `<prefix>quota:<fingerprint>:minute`, `…:cooldown` and `…:day:<family>:<yyyy-mm-dd>`.
///
/// When Redis is unreachable, calls throw ``/WeatherCore/WeatherError/Code/cacheUnavailable``: put the store
/// behind a ``/WeatherCore/FallbackQuotaStore`` so the replica goes on within a divided budget.
public struct RedisQuotaStore: QuotaStore {
    /// The budget enforced.
    public let policy: QuotaPolicy
    /// The window of ``/WeatherCore/QuotaPolicy/callsPerMinute``: 60 s for OpenWeather (shorter only in tests).
    public let window: Duration
    let pool: RedisConnectionPool
    /// `<prefix>quota:<fingerprint>:`, the start of every key of this quota.
    let base: String
    let clock: any WeatherClock

    /// A quota for the account of `apiKey` in the Redis of `store` (sharing its connections).
    public init(
        store: RedisCacheStore, apiKey: APIKey, policy: QuotaPolicy, window: Duration = .seconds(60),
        clock: any WeatherClock = SystemClock()
    ) {
        self.pool = store.pool
        self.policy = policy
        self.window = window
        self.clock = clock
        self.base = store.configuration.keyPrefix + "quota:" + apiKey.fingerprint + ":"
    }

    /// One atomic grant in Redis.
    ///
    /// - Throws: ``/WeatherCore/WeatherError`` with code `cacheUnavailable` when Redis cannot answer;
    ///   `CancellationError` once the store was shut down: the process is stopping and the call is
    ///   abandoned, which is not Redis being unreachable (no fallback line at shutdown).
    public func acquire(_ family: EndpointFamily) async throws -> QuotaDecision {
        do {
            return try await grant(family)
        } catch is WeatherError where pool.isShutDownRequested {
            throw CancellationError()
        }
    }

    private func grant(_ family: EndpointFamily) async throws -> QuotaDecision {
        let now = clock.now
        let day = Self.utcDay(now)
        let keys = [base + "minute", base + "cooldown", dayKey(family, day: day.text)].map(Array.init(utf8:))
        let arguments = [
            String(policy.callsPerMinute ?? -1), String(max(1, window.roundedUpMilliseconds)),
            String(policy.dailyBudget[family] ?? -1), Self.randomMember(), String(2 * 86_400_000),
        ].map(Array.init(utf8:))
        let reply = try await Self.grantScript.run(on: pool, keys: keys, arguments: arguments)
        guard case .array(let parts) = reply, let status = parts.first?.integerValue, parts.count >= 2,
            let value = parts[1].integerValue
        else {
            if case .error(let message) = reply { throw WeatherError.redisRefused(message) }
            throw WeatherError.redisUnexpected("the quota script returned \(reply)")
        }
        switch status {
        case 0:
            let today = parts.count > 2 ? parts[2].integerValue ?? -1 : -1
            return .granted(
                QuotaGrant(perMinuteLeft: value < 0 ? .max : Int(value), todayLeft: today < 0 ? nil : Int(today)))
        case 1:
            if value >= 0 { return .exhausted(retryAfter: .milliseconds(value)) }
            let untilMidnight = (Double(day.number + 1) * 86400 - now.timeIntervalSince1970) * 1000
            return .exhausted(retryAfter: .milliseconds(Int64(untilMidnight.rounded(.up))))
        default:
            return .coolingDown(remaining: .milliseconds(value))
        }
    }

    /// Sets `<prefix>quota:<fingerprint>:cooldown` to expire `duration` from now, unless it already
    /// expires later: every replica's next grant sees it.
    public func startCooldown(_ duration: Duration) async throws {
        let reply = try await Self.cooldownScript.run(
            on: pool, keys: [Array(utf8: base + "cooldown")],
            arguments: [Array(utf8: String(max(1, duration.roundedUpMilliseconds)))])
        if case .error(let message) = reply { throw WeatherError.redisRefused(message) }
    }

    /// The counter of `family`'s calls on the UTC day `day` (`yyyy-mm-dd`).
    func dayKey(_ family: EndpointFamily, day: String) -> String { base + "day:\(family.rawValue):\(day)" }

    /// The UTC day of `date`: its number since 1970 and `yyyy-mm-dd`.
    static func utcDay(_ date: Date) -> (number: Int, text: String) {
        let number = Int((date.timeIntervalSince1970 / 86400).rounded(.down))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String {
            let n = n ?? 0
            return n < 10 ? "0\(n)" : "\(n)"
        }
        return (number, "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day))")
    }

    private static func randomMember() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() as UInt64, radix: 36) + String(generator.next() as UInt64, radix: 36)
    }
}

extension RedisReply {
    /// The value of an integer reply.
    var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
