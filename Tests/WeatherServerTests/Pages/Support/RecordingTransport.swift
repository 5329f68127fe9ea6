import Synchronization
import WeatherCore
import WeatherHTTP

/// Forwards to a curl transport and records every URL asked for.
final class RecordingTransport: HTTPTransport {
    private let base: CurlTransport
    private let recorded = Mutex<[String]>([])

    init(base: CurlTransport) { self.base = base }

    /// The URLs asked for so far, in order.
    var urls: [String] { recorded.withLock { $0 } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        recorded.withLock { $0.append(request.head.absoluteURL) }
        return try await base.send(request)
    }

    /// Shuts the curl transport down.
    func shutdown() async { await base.shutdown() }
}
