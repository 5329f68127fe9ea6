public import Hummingbird
import NIOCore
import WeatherServerCore
import WeatherPages

/// The request context of every route: Hummingbird's core context plus the connection, kept so
/// that the per-client limit can read the remote address — only on a near-cache miss, since the
/// channel's address is behind a lock.
public struct ServiceRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connection the request came on (`nil` never happens with a real server).
    let channel: (any Channel)?

    /// The context of a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }

    /// The remote address as text (`127.0.0.1`, `::1`), or `nil` when unknown.
    var remoteAddressText: String? { channel?.remoteAddress?.ipAddress }
}
