import Foundation
import Synchronization

/// Hands out upstream calls within a ``QuotaPolicy``, atomically, so the budget is never exceeded
/// however many lookups run at once.
///
/// The per-minute budget is a sliding window: a token comes back exactly 60 s after it was spent,
/// so no 60-second window ever holds more than N calls (a bucket refilled at a steady rate would
/// allow up to 2N in a window). The spend times are a queue in a ring of N slots, oldest first,
/// measured on the clock's ``WeatherClock/uptime`` — so they are in order, a wall clock stepped
/// back cannot stall every call, and a grant only pops the tokens that came back: O(1) amortized
/// under the lock, whatever N (a 30,000-a-minute plan included). The ring grows with the calls a
/// window actually holds (doubling, up to N), so a generous budget costs no memory until it is
/// spent: a 1,000,000-a-minute setting does not reserve 16 MB up front. The daily budgets follow the
/// UTC day of the wall clock, as OpenWeather counts them.
///
/// The in-process ``QuotaStore``: the default of ``WeatherClient``, and the local half of a
/// ``FallbackQuotaStore``. Its 429 cooldown (``startCooldown(_:)``) is this process's alone.
public final class QuotaGovernor: QuotaStore {
    /// What is left after a grant.
    typealias Grant = QuotaGrant

    private struct State {
        var spent: [Duration]  // ring: `count` spend times from `head`, oldest first; grows up to the budget
        var head = 0
        var count = 0

        /// Makes room for one more spend time, keeping the ring's order.
        mutating func reserveOne(upTo capacity: Int) {
            guard count == spent.count, spent.count < capacity else { return }
            let grown = min(capacity, max(16, spent.count * 2))
            var ring: [Duration] = []
            ring.reserveCapacity(grown)
            for i in 0..<count { ring.append(spent[(head + i) % spent.count]) }
            ring.append(contentsOf: repeatElement(.zero, count: grown - count))
            spent = ring
            head = 0
        }
        var day: Int = .min
        var dailySpent: [EndpointFamily: Int] = [:]
    }

    private let policy: QuotaPolicy
    private let clock: any WeatherClock
    private let state: Mutex<State>
    private static let window: Duration = .seconds(60)

    private let cooldown: RateLimitCooldown

    /// Creates a governor for `policy`, measuring its windows on `clock`.
    public init(policy: QuotaPolicy, clock: any WeatherClock = SystemClock()) {
        self.policy = policy
        self.clock = clock
        self.cooldown = RateLimitCooldown(clock: clock)
        let capacity = policy.callsPerMinute ?? 0
        self.state = Mutex(State(spent: Array(repeating: .zero, count: min(capacity, 16))))
    }

    /// The policy it enforces.
    public var quotaPolicy: QuotaPolicy { policy }

    /// Spends one call of `family` unless a cooldown runs or a budget is spent.
    public func acquire(_ family: EndpointFamily) async -> QuotaDecision {
        if let remaining = cooldown.remaining() { return .coolingDown(remaining: remaining) }
        if let grant = spend(family) { return .granted(grant) }
        return .exhausted(retryAfter: retryAfter(family))
    }

    /// Starts (or extends) this process's cooldown.
    public func startCooldown(_ duration: Duration) async {
        cooldown.start(duration)
    }

    /// This process's books, read without spending: ``QuotaScope/local``.
    public func snapshot() async -> QuotaSnapshot? { snapshot(scope: .local) }

    /// The window, the day and the cooldown as they stand, labelled `scope`.
    func snapshot(scope: QuotaScope) -> QuotaSnapshot {
        let uptime = clock.uptime
        let now = clock.now
        let day = Int((now.timeIntervalSince1970 / 86400).rounded(.down))
        let midnight = QuotaSnapshot.nextUTCMidnight(after: now)
        let cooldownRemaining = cooldown.remaining()
        return state.withLock { s in
            var perMinute: QuotaUsage?
            if let capacity = policy.callsPerMinute {
                // Oldest first: skip the spends that already left the window, without popping them.
                var expired = 0
                while expired < s.count, uptime - s.spent[(s.head + expired) % s.spent.count] >= Self.window {
                    expired += 1
                }
                let oldest = expired < s.count ? s.spent[(s.head + expired) % s.spent.count] : nil
                perMinute = QuotaUsage(
                    limit: capacity, used: s.count - expired,
                    resetsAt: oldest.map { now.addingTimeInterval(($0 + Self.window - uptime).seconds) })
            }
            var daily: [EndpointFamily: QuotaUsage] = [:]
            for (family, budget) in policy.dailyBudget {
                let used = s.day == day ? s.dailySpent[family, default: 0] : 0
                daily[family] = QuotaUsage(limit: budget, used: used, resetsAt: midnight)
            }
            return QuotaSnapshot(
                scope: scope, perMinute: perMinute, daily: daily, cooldownRemaining: cooldownRemaining, takenAt: now)
        }
    }

    /// When a call of `family` may be granted again: the oldest spend of the window coming back,
    /// or the next UTC midnight when the family's daily budget is spent.
    func retryAfter(_ family: EndpointFamily) -> Duration? {
        let uptime = clock.uptime
        let now = clock.now.timeIntervalSince1970
        let day = Int((now / 86400).rounded(.down))
        return state.withLock { s -> Duration? in
            if let budget = policy.dailyBudget[family], s.day == day, s.dailySpent[family, default: 0] >= budget {
                return .milliseconds(Int64(((Double(day + 1) * 86400 - now) * 1000).rounded(.up)))
            }
            guard let capacity = policy.callsPerMinute, capacity > 0, s.count > 0 else { return Self.window }
            return max(.milliseconds(1), s.spent[s.head] + Self.window - uptime)
        }
    }

    /// Counts one call of `family` spent elsewhere (through a shared store), even past a budget: the
    /// window and the day then hold what this process really spent. A full window drops its oldest
    /// spend for it, so the window keeps the latest ones, which come back last.
    func record(_ family: EndpointFamily) {
        let uptime = clock.uptime
        let day = Int((clock.now.timeIntervalSince1970 / 86400).rounded(.down))
        state.withLock { s in
            if s.day != day {
                s.day = day
                s.dailySpent = [:]
            }
            if policy.dailyBudget[family] != nil { s.dailySpent[family, default: 0] += 1 }
            guard let capacity = policy.callsPerMinute, capacity > 0 else { return }
            while s.count > 0, uptime - s.spent[s.head] >= Self.window {
                s.head = (s.head + 1) % s.spent.count
                s.count -= 1
            }
            s.reserveOne(upTo: capacity)
            if s.count == capacity {
                s.head = (s.head + 1) % s.spent.count
                s.count -= 1
            }
            s.spent[(s.head + s.count) % s.spent.count] = uptime
            s.count += 1
        }
    }

    /// Spends one call for `family`, or returns `nil` when a budget is spent.
    func spend(_ family: EndpointFamily) -> Grant? {
        let uptime = clock.uptime
        let day = Int((clock.now.timeIntervalSince1970 / 86400).rounded(.down))
        return state.withLock { s -> Grant? in
            if s.day != day {
                s.day = day
                s.dailySpent = [:]
            }
            var todayLeft: Int?
            if let budget = policy.dailyBudget[family] {
                let used = s.dailySpent[family, default: 0]
                guard used < budget else { return nil }
                todayLeft = budget - used - 1
            }
            var perMinuteLeft = Int.max
            if let capacity = policy.callsPerMinute {
                guard capacity > 0 else { return nil }
                while s.count > 0, uptime - s.spent[s.head] >= Self.window {  // tokens that came back
                    s.head = (s.head + 1) % s.spent.count
                    s.count -= 1
                }
                guard s.count < capacity else { return nil }
                s.reserveOne(upTo: capacity)
                s.spent[(s.head + s.count) % s.spent.count] = uptime
                s.count += 1
                perMinuteLeft = capacity - s.count
            }
            if todayLeft != nil { s.dailySpent[family, default: 0] += 1 }
            return Grant(perMinuteLeft: perMinuteLeft, todayLeft: todayLeft)
        }
    }
}
