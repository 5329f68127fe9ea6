import Logging
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Forwards every event to `base`, and tells the operator, one line each, when the quota switches
/// to the local divided budget (Redis unreachable) and back to the shared one.
struct QuotaFallbackLogger: WeatherClientObserver {
    let base: any WeatherClientObserver
    let logger: Logger
    let localPerMinute: Int?

    func record(_ event: WeatherClientEvent) {
        if event.kind == .quotaFallback, let active = event.quotaFallbackActive {
            if active {
                logger.warning(
                    "quota: Redis is unreachable; this replica now spends its local share of the budget",
                    metadata: ["per_minute": localPerMinute.map { .stringConvertible($0) } ?? .string("unlimited")])
            } else {
                logger.notice("quota: Redis answers again; back to the shared budget")
            }
        }
        base.record(event)
    }
}
