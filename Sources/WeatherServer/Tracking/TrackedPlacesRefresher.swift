import Foundation
import Logging
import ServiceLifecycle
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Keeps the tracked places warm: their current weather, forecast and air quality are refreshed
/// shortly before they stop being fresh, so lookups of tracked places never miss.
///
/// - Refreshes are paced to at most ``share`` of the per-minute quota (default half), one at a
///   time, so the tracker can never starve user lookups of budget; the first round is spread over
///   that pace too (no thundering herd at start).
/// - Each entry is refreshed when it has less than its lead time left (10 % of its lifetime, at
///   least 30 s); a failed refresh is retried after a minute.
/// - Through ``WeatherClient/prefetch(_:as:margin:)``: coalesced with user lookups and under the
///   store's refresh lock. With Redis, only the replica holding the tracker lease runs it
///   (``TrackerLeadership`` calls ``track()``), so N replicas do not track N times.
struct TrackedPlacesRefresher: Service, CustomStringConvertible {
    let client: WeatherClient
    let places: [Place]
    let cachePolicy: CachePolicy
    let quota: QuotaPolicy
    let share: Double
    let logger: Logger
    var clock: any WeatherClock = SystemClock()
    /// Counts each entry checked (`weather_tracked_checks_total{outcome=refreshed|fresh|failed}`).
    var metrics: ServiceMetrics?

    var description: String { "tracked-places-refresher" }

    /// One thing kept warm.
    struct Item: Sendable {
        var place: Place
        var family: EndpointFamily
        var due: Date
    }

    /// The least time between two upstream refreshes: 60 s divided by the tracker's share of the minute budget.
    var pace: Duration {
        guard let perMinute = quota.callsPerMinute else { return .milliseconds(100) }
        let allowed = max(1, Int((Double(perMinute) * min(max(share, 0.01), 1)).rounded(.down)))
        return .milliseconds(Int64(60_000 / allowed))
    }

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            try await track()
        }
    }

    /// Keeps the places warm until cancelled (``TrackerLeadership`` runs it only while it holds the lease).
    func track() async throws {
        let start = clock.now
        var items: [Item] = []
        for place in places {
            for family in [EndpointFamily.current, .forecast, .air] {
                items.append(Item(place: place, family: family, due: start))
            }
        }
        logger.info("tracking \(places.count) places (\(items.count) entries), at most one refresh every \(pace)")
        try await refreshForever(items)
    }

    private func refreshForever(_ initial: [Item]) async throws {
        var items = initial
        while !Task.isCancelled, !items.isEmpty {
            let index = items.indices.min { items[$0].due < items[$1].due }!
            let wait = items[index].due.timeIntervalSince(clock.now)
            if wait > 0 { try await clock.sleep(for: .milliseconds(Int64(wait * 1000))) }
            let (next, askedUpstream) = await refresh(items[index])
            items[index].due = next
            if askedUpstream { try await clock.sleep(for: pace) }
        }
    }

    /// Refreshes one item if due; returns when it is next due and whether upstream was asked.
    func refresh(_ item: Item) async -> (Date, Bool) {
        let rule = cachePolicy.rule(for: item.family)
        let lead = max(.seconds(30), rule.freshFor / 10)
        do {
            let outcome: (freshUntil: Date, refreshed: Bool)
            switch item.family {
            case .current:
                outcome = try await client.prefetch(.current(item.place), as: CurrentWeather.self, margin: lead)
            case .forecast:
                outcome = try await client.prefetch(.forecast(item.place), as: Forecast.self, margin: lead)
            default:
                let coordinates = try await client.resolve(item.place).coordinates
                outcome = try await client.prefetch(.airPollution(coordinates), as: AirPollution.self, margin: lead)
            }
            metrics?.increment(.weatherTrackedChecksTotal, [("outcome", outcome.refreshed ? "refreshed" : "fresh")])
            if outcome.refreshed {
                logger.debug("refreshed tracked \(item.family) of \(item.place.displayText)")
            }
            return (outcome.freshUntil.addingTimeInterval(-lead.seconds), outcome.refreshed)
        } catch {
            if error is CancellationError { return (clock.now, false) }
            metrics?.increment(.weatherTrackedChecksTotal, [("outcome", "failed")])
            logger.warning(
                "tracked refresh failed; retrying in 60 s",
                metadata: [
                    "place": .string(item.place.displayText), "family": .string(item.family.rawValue),
                    "error": .string("\(error)"),
                ])
            return (clock.now.addingTimeInterval(60), true)
        }
    }
}
