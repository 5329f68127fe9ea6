/// Whom a lookup's upstream calls are charged to besides the account's quota: one client of a
/// service, say, with a budget of its own.
///
/// Bind one around the lookups made for that caller with `UpstreamPayment.$payer`; every
/// upstream call such a lookup makes (each attempt, retries included) is offered to the payer
/// before the ``QuotaStore``, in whatever task the client makes it — the shared flight of a miss
/// runs detached, and ``WeatherClient`` carries the payer of the caller who started it into it.
/// A caller who joins a flight already running pays nothing: the call is not theirs. Background
/// refreshes of stale entries are made for everyone and charged to no payer.
///
/// ```swift
/// try await UpstreamPayment.$payer.withValue(clientBudget) {
///     try await client.current(for: .city(name: "Oslo"))  // a hit costs the payer nothing
/// }
/// ```
public protocol UpstreamPayer: Sendable {
    /// Takes one call of `family` from the payer's budget: ``QuotaDecision/granted(_:)``, or
    /// ``QuotaDecision/exhausted(retryAfter:)`` to refuse it (nothing is then asked of the quota store).
    func pay(for family: EndpointFamily) async -> QuotaDecision
    /// Gives back a call ``pay(for:)`` granted that was not made after all (the account's quota refused it).
    func refund(_ family: EndpointFamily) async
}

/// The task-local payer of upstream calls (see ``UpstreamPayer``).
public enum UpstreamPayment {
    /// The payer of the lookups made in this task; `nil`: only the account's quota counts.
    @TaskLocal public static var payer: (any UpstreamPayer)?
}
