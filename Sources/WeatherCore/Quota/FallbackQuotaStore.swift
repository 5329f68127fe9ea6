import Synchronization

/// The account-wide quota of many replicas: a shared store (Redis) first, and while it cannot be
/// reached, a ``QuotaGovernor`` in this process with the budget divided by the replica count —
/// so N replicas together stay within the account's budget even then, and never run unlimited.
///
/// Every call tries the shared store first (a store that is down fails fast), so the shared
/// budget is back with the first call after it answers again.
///
/// This replica also keeps its own books, so an outage or a restart of the shared store never
/// lets it spend more than the account's budget: every call it makes, through the shared store
/// or not, is counted locally — in the divided budget (so the local window starts from what this
/// replica already spent when the store goes away) and in the whole budget (a floor: a shared
/// store that restarted empty, having lost the day's count, cannot grant this replica more than
/// the budget in any 60 s window or UTC day). With N replicas an outage can let the account
/// spend at most what the shared store had granted plus each replica's divided share, and a lost
/// daily count at most N times the daily budget on that day. 429 cooldowns go to both: the local
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
    /// Everything this replica spent, against the whole budget: the floor that holds whatever the shared store forgets.
    private let ownBooks: QuotaGovernor

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
        self.ownBooks = QuotaGovernor(policy: policy, clock: clock)
        self.observer = observer
    }

    /// Whether the last decision came from the local, divided budget (the shared store was unreachable).
    public var isUsingLocalBudget: Bool { usingLocal.load(ordering: .relaxed) }

    /// The shared store's decision, within what this replica may spend by its own books; the local
    /// governor's when the shared store throws.
    ///
    /// Cancellation is not unreachability: a `CancellationError` from the shared store (which is
    /// how `WeatherCache.RedisQuotaStore` reports a store already shut down, as at the end of a
    /// shutdown), or any failure once the calling task is cancelled, is rethrown as a
    /// `CancellationError` without switching to the local budget or telling the observer.
    public func acquire(_ family: EndpointFamily) async throws -> QuotaDecision {
        let decision: QuotaDecision
        do {
            decision = try await shared.acquire(family)
            switchTo(local: false)
        } catch let error where error is CancellationError || Task.isCancelled {
            throw CancellationError()
        } catch {
            switchTo(local: true)
            let decision = await local.acquire(family)
            if case .granted = decision { ownBooks.record(family) }
            return decision
        }
        guard case .granted = decision else { return decision }
        // Granted by the shared store: this replica's own books must agree (the store may have lost its count).
        guard ownBooks.spend(family) != nil else { return .exhausted(retryAfter: ownBooks.retryAfter(family)) }
        local.record(family)
        return decision
    }

    /// The shared store's figures (``QuotaScope/shared``) while it answers; this replica's local,
    /// divided budget (``QuotaScope/local``) — which counts every call this replica made, through
    /// the shared store or not — when it cannot. Reading never switches the budget in use: the
    /// next ``acquire(_:)`` does.
    ///
    /// The shared figures are the account's; this replica's own floor (which only matters after
    /// the shared store lost its counts) is not folded in.
    public func snapshot() async throws -> QuotaSnapshot? {
        do {
            return try await shared.snapshot()
        } catch let error where error is CancellationError || Task.isCancelled {
            throw CancellationError()
        } catch {
            return local.snapshot(scope: .local)
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
