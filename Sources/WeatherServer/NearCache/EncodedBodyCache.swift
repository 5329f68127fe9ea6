import Foundation
import NIOCore
import Synchronization
import WeatherCore
import WeatherServerCore
import WeatherPages

/// The near-cache: already-encoded response bodies by normalized request (route, place, parameters,
/// units, language), bounded in entries and bytes, each dropped when the cache entry it was made
/// from stops being fresh — so a warm lookup costs a hash lookup and a write, and never serves
/// data the shared cache would not.
///
/// Only fresh answers are stored; stale and revalidating answers always go through ``WeatherClient``.
///
/// Two key spaces, two tables, so they can never collide: normalized questions (``body(forKey:now:)``),
/// and the request targets they were asked with (``body(forTarget:now:)``, the fast path's cheapest
/// possible lookup for a repeat). A target is stored only after it was parsed and normalized to the
/// key whose body it gets, so a body is only ever served to requests that mean its question — a
/// target spelled like some normalized key is just a target. The targets have their own bounds
/// (half the entries and bytes), so a flood of cheap distinct spellings evicts only spellings,
/// never the normalized answers. A body larger than ``maxEntryBytes`` is not kept at all.
final class EncodedBodyCache: Sendable {
    private let keys: Mutex<LRUTable<String, EncodedBody>>
    private let targets: Mutex<LRUTable<String, EncodedBody>>
    private let enabled: Bool
    /// The largest body kept: a 32nd of the byte bound, at least 64 KiB (1 MiB by default).
    let maxEntryBytes: Int

    /// A cache of at most `maxEntries` bodies and `maxBytes` bytes by normalized key, and half of
    /// each for request targets; 0 for either turns it off.
    init(maxEntries: Int, maxBytes: Int) {
        enabled = maxEntries > 0 && maxBytes > 0
        keys = Mutex(LRUTable(maxEntries: maxEntries, maxCost: maxBytes))
        targets = Mutex(LRUTable(maxEntries: max(1, maxEntries / 2), maxCost: max(1, maxBytes / 2)))
        maxEntryBytes = max(64 << 10, maxBytes / 32)
    }

    /// The body for the normalized question `key` while it is fresh at `now`.
    func body(forKey key: String, now: Date) -> EncodedBody? {
        guard enabled else { return nil }
        return keys.withLock { $0.get(key, now: now) }
    }

    /// The body for the request target `target` while it is fresh at `now`.
    func body(forTarget target: String, now: Date) -> EncodedBody? {
        guard enabled else { return nil }
        return targets.withLock { $0.get(target, now: now) }
    }

    /// Keeps `body` under the normalized question `key` until its ``EncodedBody/freshUntil``.
    func store(_ body: EncodedBody, forKey key: String, now: Date) {
        guard let cost = cost(of: body, key: key, now: now) else { return }
        keys.withLock { _ = $0.set(key, body, cost: cost, expiresAt: body.freshUntil) }
    }

    /// Keeps `body` under `target`, a request target that was parsed and normalized to the question
    /// `body` answers, until its ``EncodedBody/freshUntil``.
    func store(_ body: EncodedBody, forTarget target: String, now: Date) {
        guard let cost = cost(of: body, key: target, now: now) else { return }
        targets.withLock { _ = $0.set(target, body, cost: cost, expiresAt: body.freshUntil) }
    }

    /// What `body` costs under `key`, or `nil` when it is not to be kept (off, expired at `now`, too large).
    private func cost(of body: EncodedBody, key: String, now: Date) -> Int? {
        guard enabled, body.freshUntil > now, body.bytes.readableBytes <= maxEntryBytes else { return nil }
        return body.cost(key: key)
    }

    /// The bodies held under both key spaces (expired ones not yet dropped included).
    var count: Int { keys.withLock { $0.count } + targets.withLock { $0.count } }

    /// The bytes charged for them.
    var byteCount: Int { keys.withLock { $0.totalCost } + targets.withLock { $0.totalCost } }
}
