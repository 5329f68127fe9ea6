/// Sends one HTTP request and returns the whole response.
///
/// WeatherCore never performs I/O itself: ``WeatherClient`` hands every upstream call to a
/// transport. `WeatherHTTP.CurlTransport` (libcurl) is the service's conformer,
/// `WeatherAsyncHTTPClient.AsyncHTTPClientTransport` the one for services that already run
/// AsyncHTTPClient; tests use the scripted transport from `WeatherTesting`. Requests and responses are swift-http-types' `HTTPRequest` and
/// `HTTPResponse` (as in Hummingbird, swift-openapi-runtime and AsyncHTTPClient), each paired with
/// its body bytes in ``TransportRequest`` and ``TransportResponse``.
///
/// A conformer must be safe to call concurrently, must honour task cancellation promptly and the
/// request's ``TransportRequest/timeout`` (when shorter than its own), and
/// must throw a ``WeatherError`` with a transport code (``WeatherError/Code/timeout``,
/// ``WeatherError/Code/connectionFailed``, …) when no HTTP response arrived. Non-2xx statuses are
/// *not* errors at this level: they are returned as responses and mapped by ``WeatherClient``.
///
/// A minimal test conformer:
///
/// ```swift
/// struct FixedTransport: HTTPTransport {
///     let body: [UInt8]
///     func send(_ request: TransportRequest) async throws -> TransportResponse {
///         TransportResponse(status: .ok, headerFields: [.contentType: "application/json"], body: body)
///     }
/// }
/// ```
public protocol HTTPTransport: Sendable {
    /// Performs `request` and returns the response, whatever its status.
    ///
    /// - Throws: ``WeatherError`` with a transport code when no response was received,
    ///   or `CancellationError` when the calling task was cancelled.
    func send(_ request: TransportRequest) async throws -> TransportResponse
}
