public import Foundation

/// How a lookup was answered, in the vocabulary of HTTP caches (`X-Cache`).
public enum CacheStatus: String, Sendable, Hashable, CustomStringConvertible {
    /// A fresh entry answered; upstream was not asked.
    case hit
    /// Nothing usable was cached; upstream answered.
    case miss
    /// An expired entry answered: while a background refresh runs (stale-while-revalidate),
    /// or because upstream failed, rate-limited or the quota is spent (stale-if-error).
    case stale
    /// An expired entry existed and upstream was asked again before answering.
    case revalidated

    /// The raw value (`hit`, `miss`, …), usable as a header value or metric label.
    public var description: String { rawValue }
}

/// A model together with where it came from and how old it is.
public struct WeatherResult<Model: Sendable>: Sendable {
    /// The decoded answer.
    public var value: Model
    /// How the lookup was answered.
    public var cacheStatus: CacheStatus
    /// When the data was fetched from upstream.
    public var fetchedAt: Date
    /// How old the data was when it was returned (the HTTP `Age`).
    public var age: Duration
    /// The cache key the lookup used (never contains the API key).
    public var key: CacheKey
    /// Until when the cache entry behind the answer is fresh (in the past for a stale answer):
    /// what an HTTP cache's `max-age` counts down to.
    public var freshUntil: Date

    /// Creates a result; `freshUntil` defaults to `fetchedAt` (already due for a refresh).
    public init(
        value: Model, cacheStatus: CacheStatus, fetchedAt: Date, age: Duration, key: CacheKey, freshUntil: Date? = nil
    ) {
        self.value = value
        self.cacheStatus = cacheStatus
        self.fetchedAt = fetchedAt
        self.age = age
        self.key = key
        self.freshUntil = freshUntil ?? fetchedAt
    }

    /// The same metadata around another value, e.g. after converting units.
    public func map<T: Sendable>(_ transform: (Model) throws -> T) rethrows -> WeatherResult<T> {
        WeatherResult<T>(
            value: try transform(value), cacheStatus: cacheStatus, fetchedAt: fetchedAt, age: age, key: key,
            freshUntil: freshUntil)
    }
}
