import CoreMetrics
public import NIOCore
import Synchronization
import WeatherServerCore
import WeatherPages

/// The open client connections, counted, and refused over ``limit``: ``ServiceHTTPServer`` asks
/// ``admit(_:)`` for every accepted connection before it sets the connection up.
///
/// A connection over the cap is accepted, closed at once and counted in
/// `http_connections_refused_total`, rather than left in the listen backlog by pausing accepts
/// (what Hummingbird's `availableConnectionsDelegate` does): the client learns at once instead of
/// waiting on a full backlog, and the operator sees the refusals. Accepting it costs one
/// descriptor for a moment, which the cap's headroom (``ConnectionLimit``) covers; NIO's
/// `AcceptBackoffHandler` backs off should accepting ever fail for want of descriptors.
public final class ConnectionCap: Sendable {
    /// The most connections open at once.
    public let limit: Int
    private let open = Atomic<Int>(0)
    private let refused: CoreMetrics.Counter

    /// A cap of `limit` connections, counting refusals in `metrics`.
    public init(limit: Int, metrics: ServiceMetrics) {
        self.limit = limit
        // Created now so that /metrics shows the counter at 0 before the first refusal.
        refused = CoreMetrics.Counter(label: MetricFamily.httpConnectionsRefusedTotal.rawValue, dimensions: [], factory: metrics.factory)
    }

    /// Connections open now.
    public var openConnections: Int { open.load(ordering: .relaxed) }

    /// Whether `channel`, just accepted, may stay open; if so it is counted until it closes. Once
    /// per connection, never per request: an atomic add and a close callback.
    public func admit(_ channel: any Channel) -> Bool {
        guard open.add(1, ordering: .relaxed).newValue <= limit else {
            open.subtract(1, ordering: .relaxed)
            refused.increment()
            return false
        }
        channel.closeFuture.whenComplete { _ in self.open.subtract(1, ordering: .relaxed) }
        return true
    }

    /// Why a connection's setup failed: it was over the cap (never logged; the counter says it).
    struct Refused: Error {}
}
