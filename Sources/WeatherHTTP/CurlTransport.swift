public import ServiceLifecycle
public import WeatherCore

/// An ``/WeatherCore/HTTPTransport`` over libcurl: one multi handle, driven by one dedicated thread, serves
/// every request of the transport and of its copies.
///
/// - Connections are kept alive and reused (the multi handle's connection cache), DNS answers
///   are cached by the multi handle, gzip/deflate/br/zstd (whatever libcurl was built with) are
///   accepted and decoded, and HTTP/2 is used when a TLS server offers it.
/// - TLS verification is always on; proxies come from the environment (`http_proxy`,
///   `https_proxy`, `no_proxy`) as libcurl reads them.
/// - Cancelling the calling task resumes `send` at once with `CancellationError` and removes the
///   transfer from the multi handle (its connection is closed).
/// - Failures without a response throw ``/WeatherCore/WeatherError`` with a transport code and the redacted URL;
///   non-2xx statuses are returned as responses.
///
/// Lifecycle: `init` starts the thread; ``shutdown()`` stops it (requests still running then fail
/// with ``/WeatherCore/WeatherError/Code/connectionFailed``, and every curl handle is freed). The
/// transport is a swift-service-lifecycle `Service`: in a `ServiceGroup`, ``run()`` waits for the
/// graceful shutdown and then shuts the transport down. Outside one, call ``shutdown()`` when done
/// (it is idempotent). Releasing the last copy without either leaks the thread; debug builds stop
/// there with an assertion.
///
/// ```swift
/// let transport = CurlTransport(configuration: .init(timeout: .seconds(10)))
/// let request = HTTPRequest(method: .get, scheme: "https", authority: "api.openweathermap.org", path: "/…")
/// let response = try await transport.send(TransportRequest(head: request))
/// await transport.shutdown()
/// ```
public struct CurlTransport: HTTPTransport, Service {
    /// The settings every request of this transport uses.
    public let configuration: Configuration
    private let lifetime: Lifetime

    /// Starts a transport and its curl thread.
    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
        lifetime = Lifetime(loop: CurlEventLoop(configuration: configuration))
    }

    /// Performs `request` on the curl thread and suspends until it completes.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        try Task.checkCancellation()
        let loop = lifetime.loop
        let transfer = PendingTransfer(request: request)
        let raw = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if transfer.install(continuation) { loop.submit(transfer) }
            }
        } onCancel: {
            if transfer.cancel() { loop.cancel(transfer) }
        }
        return raw.response
    }

    /// Runs until the service group's graceful shutdown (or until cancelled), then ``shutdown()``.
    ///
    /// In a `ServiceGroup`, put the transport before the services that send through it: they are
    /// shut down first, so their last requests still find the transport running.
    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Fails requests still running, frees every curl handle and stops the curl thread; returns
    /// once the thread has exited. Requests sent afterwards fail with
    /// ``/WeatherCore/WeatherError/Code/connectionFailed``. Calling it again returns at once.
    public func shutdown() async {
        lifetime.loop.requestStop()
        await lifetime.loop.waitForExit()
    }
}

/// Shared by every copy of a ``CurlTransport``: when the last copy goes away, checks (in debug
/// builds) that the transport was shut down.
private final class Lifetime: Sendable {
    let loop: CurlEventLoop

    init(loop: CurlEventLoop) { self.loop = loop }

    deinit {
        assert(
            loop.isStopRequested,
            "CurlTransport released without shutdown(): its curl thread and connections leak. "
                + "Call shutdown() when done, or run the transport in a ServiceGroup.")
    }
}
