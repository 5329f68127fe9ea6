import Synchronization
import WeatherCore

/// With `-v`: says on stderr when the cache store fails (the lookup goes on as a miss) and when
/// an upstream attempt fails before a retry, each kind of message once per run (the first one says enough).
final class VerboseObserver: WeatherClientObserver {
    private let said = Mutex<Set<String>>([])

    func record(_ event: WeatherClientEvent) {
        switch event {
        case .cacheStoreError(let message):
            once("store", "cache: store unavailable, lookups go upstream (\(message))")
        case .upstreamError(let family, let error):
            once("upstream \(error.code)", "upstream: \(family) attempt failed: \(error.code)")
        case .rateLimitCooldown(let duration):
            once("cooldown", "upstream: rate limited, cooling down for \(duration.components.seconds)s")
        default:
            break
        }
    }

    private func once(_ kind: String, _ line: String) {
        let isNew = said.withLock { $0.insert(kind).inserted }
        if isNew { Console.err(line) }
    }
}
