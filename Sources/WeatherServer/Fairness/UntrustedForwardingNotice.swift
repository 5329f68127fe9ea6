import Logging
import Synchronization
import WeatherServerCore
import WeatherPages

/// Tells the operator, once per process, that requests carry `X-Forwarded-For` while
/// `TRUSTED_PROXY_HOPS` is 0: the service then sits behind a proxy or load balancer it was not told
/// about, every client arrives from the proxy's address, and the per-client limit becomes one
/// bucket for everybody.
///
/// The safe default stays (the header is a client's to forge unless a proxy of ours writes it); this
/// only says so. Asked on the routed path where the limiter runs — lookups about to go upstream,
/// which are the ones the limit counts — never on the fast path; after the first line it costs one
/// relaxed atomic load.
final class UntrustedForwardingNotice: Sendable {
    private let warned = Atomic<Bool>(false)
    private let logger: Logger

    /// A notice written to `logger`.
    init(logger: Logger) {
        self.logger = logger
    }

    /// Warns (the first time only) when `trustedHops` is 0 and the request carries `X-Forwarded-For`.
    func check(trustedHops: Int, hasForwardedFor: Bool) {
        guard trustedHops == 0, hasForwardedFor, !warned.load(ordering: .relaxed),
            warned.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged
        else { return }
        logger.warning(
            "client limit: requests carry X-Forwarded-For but TRUSTED_PROXY_HOPS is 0, so every client behind that proxy shares one bucket; set TRUSTED_PROXY_HOPS to the number of proxies that append to the header (logged once)"
        )
    }
}
