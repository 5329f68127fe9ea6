public import Foundation

/// What a cache holds for one key: the upstream body as received, and when it was fetched.
///
/// Entries store raw bytes rather than models, so a hit costs one fast decode and one entry
/// serves every unit system. Times are wall-clock instants so that replicas sharing a Redis agree.
public struct CacheEntry: Sendable, Equatable {
    /// The upstream response body (empty for a negative entry).
    public var body: [UInt8]
    /// When the body was fetched from upstream.
    public var fetchedAt: Date
    /// Until when the entry is fresh and served without asking upstream.
    public var freshUntil: Date
    /// Until when the entry may still be served stale (while revalidating, or when upstream fails).
    public var staleUntil: Date
    /// The observation time (`dt`) of the data, used so that older data never replaces newer.
    public var observedAt: Date?
    /// Whether this records that upstream had no such place (404, empty geocoding result).
    public var isNegative: Bool

    /// Creates an entry.
    public init(
        body: [UInt8], fetchedAt: Date, freshUntil: Date, staleUntil: Date, observedAt: Date? = nil,
        isNegative: Bool = false
    ) {
        self.body = body
        self.fetchedAt = fetchedAt
        self.freshUntil = freshUntil
        self.staleUntil = staleUntil
        self.observedAt = observedAt
        self.isNegative = isNegative
    }

    /// The age of the entry at `now`, never negative.
    public func age(at now: Date) -> Duration {
        .milliseconds(max(0, Int64((now.timeIntervalSince(fetchedAt) * 1000).rounded())))
    }

    /// Whether the entry is fresh at `now`.
    public func isFresh(at now: Date) -> Bool { now < freshUntil }

    /// Whether the entry may still be served stale at `now`.
    public func isUsable(at now: Date) -> Bool { now < staleUntil }
}
