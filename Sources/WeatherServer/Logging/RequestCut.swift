import ServiceLifecycle
import WeatherServerCore
import WeatherPages

/// Why a request was cut: its task was cancelled before its answer was handed to the server, so
/// the client got no response. Logged with status 499 (nginx's "client closed request") and a
/// `cut` reason, and counted in `http_requests_cut_total{route,reason}` — not an error: nothing
/// failed, the answer was abandoned.
enum RequestCut: String, Sendable {
    /// The service is shutting down and its graceful period ran out (the service group cancelled
    /// the requests still in flight).
    case shutdown
    /// Cancelled while the service kept running: the client went away.
    case clientClosed = "client_closed"

    /// The status a cut request is logged and counted with.
    static let loggedStatus = 499

    /// The reason for the current task's cancellation: ``shutdown`` once swift-service-lifecycle's
    /// graceful shutdown has begun (request tasks inherit the server's task-local), else ``clientClosed``.
    static var current: RequestCut {
        Task.isShuttingDownGracefully ? .shutdown : .clientClosed
    }

    /// Whether `error`, thrown by a request's handler, means the request was cut rather than
    /// failed: a `CancellationError`, or anything thrown once the task was cancelled (a lookup
    /// torn down mid-flight reports its own error, which says nothing about the service).
    static func isCut(by error: any Error) -> Bool {
        error is CancellationError || Task.isCancelled
    }
}
