public import Foundation

/// A decoded answer that knows it stays valid longer than its endpoint family's rule: a page of
/// past weather, which is never revised, or an alert, which holds until it ends.
///
/// ``WeatherClient`` asks every answer it caches: when the model adopts this protocol, the entry's
/// fresh lifetime is ``freshness(now:)`` — never less than the family's
/// ``CachePolicy/Rule/freshFor`` — with the policy's jitter and stale windows applied as usual.
public protocol CacheLifetimeProviding {
    /// How long this answer, fetched at `now`, may be served without asking upstream; `nil` for
    /// the family's rule. Values shorter than the rule are raised to it.
    func freshness(now: Date) -> Duration?
}
