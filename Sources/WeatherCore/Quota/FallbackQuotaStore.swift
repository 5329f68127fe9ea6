import Synchronization

/// The account-wide quota of many replicas: a shared store (Redis) first, and while it cannot be
/// reached, a ``QuotaGovernor`` in this process with the budget divided by the replica count —
/// so N replicas together stay within the account's budget even then, and never run unlimited.
///
/// Every call tries the shared store first (a store that is down fails fast), so the shared
/// budget is back with the first call after it answers again. 429 cooldowns go to both: the local
/// one also holds while the shared store is away.
///
/// ```swift
/// let quota = FallbackQuotaStore(shared: redisQuota, policy: policy, replicas: 3)
/// let client = WeatherClient(transport: transport, cache: cache, quota: quota)
/// ```
public final class FallbackQuotaStore: QuotaStore {
    /// The store every replica shares.
    public let shared: any QuotaStore
    /// The divided budget used while ``shared`` cannot answer.
    public let local: QuotaGovernor
    /// The account's whole budget (what ``shared`` enforces).
    public let policy: QuotaPolicy
    private let observer: (any WeatherClientObserver)?
    private let usingLocal = Atomic<Bool>(false)

    /// Falls back from `shared` to `policy` divided among `replicas` (see ``QuotaPolicy/divided(among:)``).
    ///
    /// - Parameters:
    ///   - shared: the store every replica shares (`WeatherCache.RedisQuotaStore`).
    ///   - policy: the account's whole budget.
    ///   - replicas: how many replicas share it; while `shared` is away, each spends its part.
    ///   - clock: measures the local budget's windows.
    ///   - observer: told ``WeatherClientEvent/quotaFallback(active:)`` whenever the
    ///     store switches between the shared and the local budget.
    public init(
        shared: any QuotaStore, policy: QuotaPolicy, replicas: Int, clock: any WeatherClock = SystemClock(),
        observer: (any WeatherClientObserver)? = nil
    ) {
        self.shared = shared
        self.policy = policy
        self.local = QuotaGovernor(policy: policy.divided(among: replicas), clock: clock)
        self.observer = observer
    }

    /// Whether the last decision came from the local, divided budget (the shared store was unreachable).
    public var isUsingLocalBudget: Bool { usingLocal.load(ordering: .relaxed) }

    /// The shared store's decision; the local governor's when the shared store throws.
    ///
    /// Cancellation is not unreachability: a `CancellationError` from the shared store (which is
    /// how `WeatherCache.RedisQuotaStore` reports a store already shut down, as at the end of a
    /// shutdown), or any failure once the calling task is cancelled, is rethrown as a
    /// `CancellationError` without switching to the local budget or telling the observer.
    public func acquire(_ family: EndpointFamily) async throws -> QuotaDecision {
        do {
            let decision = try await shared.acquire(family)
            switchTo(local: false)
            return decision
        } catch let error where error is CancellationError || Task.isCancelled {
            throw CancellationError()
        } catch {
            switchTo(local: true)
            return await local.acquire(family)
        }
    }

    /// Starts the cooldown locally, then in the shared store (whose failure is reported, not thrown:
    /// the local cooldown already holds this process back).
    public func startCooldown(_ duration: Duration) async throws {
        await local.startCooldown(duration)
        do {
            try await shared.startCooldown(duration)
        } catch {
            observer?.record(.cacheStoreError("quota cooldown: \(error)"))
        }
    }

    private func switchTo(local newValue: Bool) {
        let old = usingLocal.exchange(newValue, ordering: .relaxed)
        if old != newValue { observer?.record(.quotaFallback(active: newValue)) }
    }
}
