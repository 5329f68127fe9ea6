/// Sends one HTTP request and returns the whole response.
///
/// WeatherCore never performs I/O itself: ``WeatherClient`` hands every upstream call to a
/// transport. `WeatherHTTP.CurlTransport` is the production conformer; tests use the scripted
/// transport from `WeatherTesting`.
///
/// A conformer must be safe to call concurrently, must honour task cancellation promptly and the
/// request's ``HTTPRequest/timeout`` (when shorter than its own), and
/// must throw a ``WeatherError`` with a transport code (``WeatherError/Code/timeout``,
/// ``WeatherError/Code/connectionFailed``, …) when no HTTP response arrived. Non-2xx statuses are
/// *not* errors at this level: they are returned as responses and mapped by ``WeatherClient``.
///
/// A minimal test conformer:
///
/// ```swift
/// struct FixedTransport: HTTPTransport {
///     let body: [UInt8]
///     func send(_ request: HTTPRequest) async throws -> HTTPResponse {
///         HTTPResponse(status: 200, headers: ["content-type": "application/json"], body: body)
///     }
/// }
/// ```
public protocol HTTPTransport: Sendable {
    /// Performs `request` and returns the response, whatever its status.
    ///
    /// - Throws: ``WeatherError`` with a transport code when no response was received,
    ///   or `CancellationError` when the calling task was cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
