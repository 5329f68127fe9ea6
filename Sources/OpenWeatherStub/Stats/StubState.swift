import Foundation
import Synchronization

/// The state every connection of one stub shares: counters and fault rules, behind locks.
final class StubState: Sendable {
    private let stats = Mutex(StubStats())
    private let rules = Mutex<[FaultRule]>([])
    private let calls = Mutex(StubCallLog())
    private let lookups = Mutex<[String: Int]>([:])

    /// A copy of the counters.
    var snapshot: StubStats { stats.withLock { $0 } }

    /// Applies `change` to the counters.
    func update(_ change: (inout StubStats) -> Void) { stats.withLock { change(&$0) } }

    /// Counts a request and returns the faults to apply to it.
    func admit(path: String) -> FaultPlan {
        stats.withLock {
            $0.requests += 1
            $0.requestsByPath[path, default: 0] += 1
        }
        let millisecondsSince1970 = Int((Date().timeIntervalSince1970 * 1000).rounded(.down))
        calls.withLock { $0.append(StubCall(at: millisecondsSince1970, path: path)) }
        return rules.withLock { FaultPlan.consume(&$0, path: path) }
    }

    /// Zeroes the counters, keeping `connectionsOpen`.
    func resetStats() {
        stats.withLock { stats in
            let open = stats.connectionsOpen
            stats = StubStats()
            stats.connectionsOpen = open
        }
        calls.withLock { $0 = StubCallLog() }
        lookups.withLock { $0.removeAll() }
    }

    /// Counts one more lookup of `key` (an alert detail's path) and returns how many there were,
    /// this one included, since the start or the last reset.
    func countLookup(of key: String) -> Int {
        lookups.withLock { counts in
            counts[key, default: 0] += 1
            return counts[key, default: 0]
        }
    }

    /// The counted requests, oldest first (the most recent ``StubCallLog/capacity`` of them).
    var callLog: [StubCall] { calls.withLock { $0.calls } }

    /// The call log as served at `GET /__stub/calls`.
    var callLogJSON: String { calls.withLock { $0.json } }

    /// Adds a rule; it takes effect with the next request.
    func add(_ rule: FaultRule) { rules.withLock { $0.append(rule) } }

    /// Replaces every rule with `newRules`, at once.
    func replaceFaults(with newRules: [FaultRule]) { rules.withLock { $0 = newRules } }

    /// Removes every rule.
    func clearFaults() { rules.withLock { $0.removeAll() } }

    /// The rules still in force.
    var faultRules: [FaultRule] { rules.withLock { $0 } }
}
