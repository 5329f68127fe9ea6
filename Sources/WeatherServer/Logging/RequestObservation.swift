import HTTPTypes
import Hummingbird
import Logging
import WeatherCore

/// What every answered request gets, whichever path answered it: its `X-Request-Id`, its line in
/// `http_requests_total` / `http_request_duration_seconds`, and (at info) one log line.
///
/// Shared by ``RequestObservationMiddleware`` (every routed request) and ``ServiceFastPath``, so
/// both record exactly the same things.
struct RequestObservation: Sendable {
    let metrics: ServiceMetrics
    let logger: Logger
    let requestIDs: RequestIDGenerator

    /// Stamps `response` with the request id and records it under `route`, started at `start`.
    func finish(_ response: inout Response, request: Request, route: String, start: ContinuousClock.Instant) {
        finish(status: response.status, headers: &response.headers, request: request.head, route: route, start: start)
    }

    /// Stamps the `headers` of a `status` answer to `request` with the request id and records it
    /// under `route`, started at `start`: the form the fast path, which has no `Response`, calls.
    func finish(
        status: HTTPResponse.Status, headers: inout HTTPFields, request: HTTPRequest, route: String,
        start: ContinuousClock.Instant
    ) {
        let id = requestIDs.id(echoing: request.headerFields[.xRequestID])
        headers[.xRequestID] = id
        let duration = ContinuousClock.now - start
        metrics.recordRequest(route: route, method: request.method.rawValue, status: status.code, duration: duration)
        guard logger.logLevel <= .info else { return }
        logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(Self.loggedTarget(request.path ?? "/")),
                "route": .string(route),
                "status": .string(String(status.code)),
                "duration_ms": .string(Self.milliseconds(duration)),
                "cache": .string(headers[.xCache] ?? "-"),
                "request_id": .string(id),
            ])
    }

    /// The request target with every secret's value in its query (`appid`, `token`, …) replaced.
    static func loggedTarget(_ target: String) -> String {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return target }
        // An empty query logs as the bare path, as before.
        guard target.utf8.index(after: mark) != target.utf8.endIndex else { return String(target[..<mark]) }
        return URLRedaction.redact(target)
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        return "\(micros / 1000).\(String(micros % 1000 + 1000).dropFirst())"
    }
}
