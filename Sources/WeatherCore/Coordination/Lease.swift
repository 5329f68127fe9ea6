/// A named lease held by at most one process at a time, renewed by its holder and lost when the
/// holder stops renewing — so that one replica of many runs a singleton job (the tracked-places
/// refresher), and another takes over within one lease period when the holder dies.
///
/// `WeatherCache.RedisLease` implements it with `SET NX PX` and a compare-and-`PEXPIRE` script;
/// `WeatherTesting.InMemoryLease` in memory for tests. Holders name themselves with a value unique
/// to the process (host, pid and a random part), so a restarted process is a new holder.
public protocol Lease: Sendable {
    /// Takes the lease for `holder` for `ttl` if nobody holds it; `true` when `holder` holds it now.
    func acquire(holder: String, ttl: Duration) async throws -> Bool
    /// Extends the lease to `ttl` from now if, and only if, `holder` still holds it; `false` when it was lost.
    func renew(holder: String, ttl: Duration) async throws -> Bool
    /// Gives the lease up if `holder` holds it (a graceful shutdown), so another can take it at once.
    func release(holder: String) async throws
}
