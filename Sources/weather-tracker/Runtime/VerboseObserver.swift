import Synchronization
import WeatherCore

/// With `-v`: says on stderr when the cache store fails (the lookup goes on as a miss) and when
/// an upstream attempt fails before a retry, each kind of message once per run (the first one says enough).
final class VerboseObserver: WeatherClientObserver {
    private let said = Mutex<Set<String>>([])

    func record(_ event: WeatherClientEvent) {
        switch event.kind {
        case .cacheStoreError:
            once("store", "cache: store unavailable, lookups go upstream (\(event.detail ?? "no detail"))")
        case .upstreamError:
            let code = event.errorCode?.description ?? "unknown"
            once("upstream \(code)", "upstream: \(event.family?.rawValue ?? "?") attempt failed: \(code)")
        case .rateLimitCooldown:
            let seconds = event.cooldown?.components.seconds ?? 0
            once("cooldown", "upstream: rate limited, cooling down for \(seconds)s")
        default:
            break
        }
    }

    private func once(_ kind: String, _ line: String) {
        let isNew = said.withLock { $0.insert(kind).inserted }
        if isNew { Console.err(line) }
    }
}
