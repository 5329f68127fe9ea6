import Foundation
import Synchronization

/// Hands out upstream calls within a ``QuotaPolicy``, atomically, so the budget is never exceeded
/// however many lookups run at once.
///
/// The per-minute budget is a token bucket whose tokens come back exactly 60 s after they were
/// spent (a sliding window: a ring of the last N spend times), so no 60-second window ever holds
/// more than N calls — a bucket refilled at a steady rate would allow up to 2N in a window.
final class QuotaGovernor: Sendable {
    struct Grant: Sendable {
        var perMinuteLeft: Int
        var todayLeft: Int?
    }

    private struct State {
        var spent: [Date]  // ring of the last `capacity` spend times
        var next = 0
        var day: Int = .min
        var dailySpent: [EndpointFamily: Int] = [:]
    }

    private let policy: QuotaPolicy
    private let clock: any WeatherClock
    private let state: Mutex<State>
    private static let window: TimeInterval = 60

    init(policy: QuotaPolicy, clock: any WeatherClock) {
        self.policy = policy
        self.clock = clock
        let capacity = policy.callsPerMinute ?? 0
        self.state = Mutex(State(spent: Array(repeating: .distantPast, count: capacity)))
    }

    /// Spends one call for `family`, or returns `nil` when a budget is spent.
    func acquire(_ family: EndpointFamily) -> Grant? {
        let now = clock.now
        let day = Int((now.timeIntervalSince1970 / 86400).rounded(.down))
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
                guard capacity > 0, now.timeIntervalSince(s.spent[s.next]) >= Self.window else { return nil }
                s.spent[s.next] = now
                s.next = (s.next + 1) % capacity
                perMinuteLeft = s.spent.reduce(0) { $0 + (now.timeIntervalSince($1) >= Self.window ? 1 : 0) }
            }
            if todayLeft != nil { s.dailySpent[family, default: 0] += 1 }
            return Grant(perMinuteLeft: perMinuteLeft, todayLeft: todayLeft)
        }
    }
}
