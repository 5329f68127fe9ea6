import Logging
import WeatherCore
import WeatherServerCore
import WeatherPages

/// Forwards every event to `base`, and tells the operator, one line each, which One Call API the
/// key was found to have (`ONECALL_VERSION=auto`) and when that changes.
struct OneCallVersionLogger: WeatherClientObserver {
    let base: any WeatherClientObserver
    let logger: Logger

    func record(_ event: WeatherClientEvent) {
        if event.kind == .oneCallVersion, let api = event.oneCallAPI {
            if let previous = event.previousOneCallAPI {
                logger.warning(
                    "One Call: the API key now answers on One Call \(api), no longer on \(previous); using \(api)")
            } else {
                logger.info("One Call: using One Call \(api), the version this API key is subscribed to")
            }
        }
        base.record(event)
    }
}
