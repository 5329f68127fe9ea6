import Hummingbird
import Logging
import WeatherCore

/// What every answered request gets, whichever path answered it: its `X-Request-Id`, its line in
/// `http_requests_total` / `http_request_duration_seconds`, and (at info) one log line.
///
/// Shared by ``RequestObservationMiddleware`` (every routed request) and ``ServiceResponder``'s
/// near-cache fast path, so both record exactly the same things.
struct RequestObservation: Sendable {
    let metrics: ServiceMetrics
    let logger: Logger
    let requestIDs: RequestIDGenerator

    /// Stamps `response` with the request id and records it under `route`, started at `start`.
    func finish(_ response: inout Response, request: Request, route: String, start: ContinuousClock.Instant) {
        let id = requestIDs.id(echoing: request.headers[.xRequestID])
        response.headers[.xRequestID] = id
        let duration = ContinuousClock.now - start
        metrics.recordRequest(
            route: route, method: request.method.rawValue, status: response.status.code, duration: duration)
        guard logger.logLevel <= .info else { return }
        logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(Self.loggedTarget(request)),
                "route": .string(route),
                "status": .string(String(response.status.code)),
                "duration_ms": .string(Self.milliseconds(duration)),
                "cache": .string(response.headers[.xCache] ?? "-"),
                "request_id": .string(id),
            ])
    }

    /// The path and the query with every secret's value (`appid`, `token`, …) replaced.
    static func loggedTarget(_ request: Request) -> String {
        guard let query = request.uri.query, !query.isEmpty else { return request.uri.path }
        return URLRedaction.redact(request.uri.path + "?" + query)
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        return "\(micros / 1000).\(String(micros % 1000 + 1000).dropFirst())"
    }
}
