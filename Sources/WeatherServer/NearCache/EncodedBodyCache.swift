import Foundation
import Synchronization
import WeatherCore

/// The near-cache: already-encoded response bodies by normalized request (route, place, parameters,
/// units, language), bounded in entries and bytes, each dropped when the cache entry it was made
/// from stops being fresh — so a warm lookup costs a hash lookup and a write, and never serves
/// data the shared cache would not.
///
/// Only fresh answers are stored; stale and revalidating answers always go through ``WeatherClient``.
/// A body is kept under its normalized key and under the request target it was asked with (the
/// cheapest possible lookup for a repeat); both share the entry's expiry, and both count against
/// the bounds, so differently spelled requests cannot grow it past them.
final class EncodedBodyCache: Sendable {
    private let table: Mutex<LRUTable<String, EncodedBody>>
    private let enabled: Bool

    /// A cache of at most `maxEntries` bodies and `maxBytes` bytes; 0 for either turns it off.
    init(maxEntries: Int, maxBytes: Int) {
        enabled = maxEntries > 0 && maxBytes > 0
        table = Mutex(LRUTable(maxEntries: maxEntries, maxCost: maxBytes))
    }

    /// The body for `key` while it is fresh at `now`.
    func body(for key: String, now: Date) -> EncodedBody? {
        guard enabled else { return nil }
        return table.withLock { $0.get(key, now: now) }
    }

    /// Keeps `body` under `key` until its ``EncodedBody/freshUntil``; a body already expired at `now` is not kept.
    func store(_ body: EncodedBody, for key: String, now: Date) {
        guard enabled, body.freshUntil > now else { return }
        let cost = body.cost(key: key)
        table.withLock { _ = $0.set(key, body, cost: cost, expiresAt: body.freshUntil) }
    }

    /// The bodies held (expired ones not yet dropped included).
    var count: Int { table.withLock { $0.count } }

    /// The bytes charged for them.
    var byteCount: Int { table.withLock { $0.totalCost } }
}
