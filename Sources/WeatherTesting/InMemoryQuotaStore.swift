import Synchronization
public import WeatherCore

/// A shared ``/WeatherCore/QuotaStore`` in memory, as the replicas of a test would share one in
/// Redis: the budget of a ``/WeatherCore/QuotaGovernor`` on `clock`, and ``breakConnection(_:)``
/// to play Redis going away (every call then throws `cacheUnavailable`, as `RedisQuotaStore` does).
///
/// ```swift
/// let shared = InMemoryQuotaStore(policy: QuotaPolicy(callsPerMinute: 120), clock: clock)
/// let quota = FallbackQuotaStore(shared: shared, policy: QuotaPolicy(callsPerMinute: 120), replicas: 3, clock: clock)
/// shared.breakConnection()         // the fallback now spends its local, divided budget
/// ```
public final class InMemoryQuotaStore: QuotaStore {
    private struct State {
        var unreachable = false
        var cooldowns: [Duration] = []
    }

    private let policy: QuotaPolicy
    private let clock: any WeatherClock
    private let governor: Mutex<QuotaGovernor>
    private let state = Mutex(State())

    /// A reachable store granting calls by `policy`, its windows and cooldowns on `clock`.
    public init(policy: QuotaPolicy, clock: any WeatherClock = SystemClock()) {
        self.policy = policy
        self.clock = clock
        governor = Mutex(QuotaGovernor(policy: policy, clock: clock))
    }

    /// Plays a Redis restarted without persistence: every count and cooldown is forgotten.
    public func forgetEverything() {
        governor.withLock { $0 = QuotaGovernor(policy: policy, clock: clock) }
    }

    /// Makes every call throw (`true`) or work again (`false`).
    public func breakConnection(_ broken: Bool = true) {
        state.withLock { $0.unreachable = broken }
    }

    /// The length of every cooldown started while the store was reachable, in order.
    public var cooldowns: [Duration] { state.withLock { $0.cooldowns } }

    /// Takes a token of `family`'s budget, as the governor decides.
    public func acquire(_ family: EndpointFamily) async throws -> QuotaDecision {
        try checkReachable()
        return await governor.withLock { $0 }.acquire(family)
    }

    /// Starts (or extends) the shared cooldown and records its length.
    public func startCooldown(_ duration: Duration) async throws {
        try state.withLock { s in
            guard !s.unreachable else { throw Self.unreachable }
            s.cooldowns.append(duration)
        }
        await governor.withLock { $0 }.startCooldown(duration)
    }

    /// The governor's figures as the shared store's (``/WeatherCore/QuotaScope/shared``); throws
    /// while the connection is broken, as `RedisQuotaStore` does.
    public func snapshot() async throws -> QuotaSnapshot? {
        try checkReachable()
        guard var snapshot = await governor.withLock({ $0 }).snapshot() else { return nil }
        snapshot.scope = .shared
        return snapshot
    }

    private func checkReachable() throws {
        if state.withLock({ $0.unreachable }) { throw Self.unreachable }
    }

    private static let unreachable = WeatherError(
        code: .cacheUnavailable, message: "InMemoryQuotaStore is set to be unreachable; call breakConnection(false)")
}
