public import Foundation

extension WeatherClient {
    /// Refreshes the entry of `request` from upstream before it expires: when it is missing, or
    /// fresh for less than `margin`. Otherwise nothing is asked. Coalesced with lookups of the same
    /// key and taken under the store's refresh lock like any refresh, so replicas prefetching the
    /// same key ask upstream once.
    ///
    /// This is how a service keeps chosen places warm, so that their lookups never miss.
    ///
    /// - Returns: until when the entry is fresh now, and whether upstream was asked for it.
    /// - Throws: ``WeatherError`` when the refresh fails (quota, upstream), as a lookup would.
    public func prefetch<M: OpenWeatherDecodable>(
        _ request: OpenWeatherRequest, as type: M.Type, margin: Duration
    ) async throws -> (freshUntil: Date, refreshed: Bool) {
        let key = cacheKey(for: request)
        if let entry = await readStore(key), entry.isFresh(at: clock.now.addingTimeInterval(margin.seconds)) {
            return (entry.freshUntil, false)
        }
        let flight = await coalescer.flight(for: key) { [self] in
            try await refresh(request, key: key, as: M.self, minimumFreshness: margin)
        }
        let refreshed = try await flight.wait()
        return (refreshed.entry.freshUntil, refreshed.origin == .upstream)
    }
}
