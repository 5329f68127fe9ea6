import HTTPTypes
import Hummingbird
import Logging
import WeatherCore
import WeatherServerCore
import WeatherPages

/// What every answered request gets, whichever path answered it: its `X-Request-Id`,
/// `X-Content-Type-Options: nosniff`, its line in `http_requests_total` /
/// `http_request_duration_seconds`, and (at info) one log line.
///
/// Shared by `RequestObservationMiddleware` (every routed request) and `ServiceFastPath`, so
/// both record exactly the same things.
struct RequestObservation: Sendable {
    let metrics: ServiceMetrics
    let logger: Logger
    let requestIDs: RequestIDGenerator

    /// Stamps `response` with the request id and records it under `route`, started at `start`
    /// (as cut, when `cut` says why).
    func finish(
        _ response: inout Response, request: Request, route: String, start: ContinuousClock.Instant,
        cut: RequestCut? = nil
    ) {
        finish(
            status: response.status, headers: &response.headers, request: request.head, route: route, start: start,
            cut: cut)
    }

    /// Stamps the `headers` of a `status` answer to `request` with the request id and records it
    /// under `route`, started at `start`: the form the fast path, which has no `Response`, calls.
    ///
    /// A request that was cut (``RequestCut``) is recorded and logged with status 499 and its
    /// `cut` reason, whatever `status` the unreachable client would have got.
    func finish(
        status: HTTPResponse.Status, headers: inout HTTPFields, request: HTTPRequest, route: String,
        start: ContinuousClock.Instant, cut: RequestCut? = nil
    ) {
        let id = requestIDs.id(echoing: request.headerFields[.xRequestID])
        headers[.xRequestID] = id
        // Every API answer, fast or routed, problems included: no browser may sniff JSON into HTML.
        // Appended, not set: nothing upstream of here adds it except the pages, which set the same value.
        if headers[.xContentTypeOptions] == nil { headers.append(Self.noSniff) }
        let duration = ContinuousClock.now - start
        let code = cut == nil ? status.code : RequestCut.loggedStatus
        metrics.recordRequest(route: route, method: request.method.rawValue, status: code, duration: duration)
        if let cut { metrics.recordCut(route: route, reason: cut) }
        guard logger.logLevel <= .info else { return }
        var metadata: Logger.Metadata = [
            "method": .string(request.method.rawValue),
            "path": .string(Self.loggedTarget(request.path ?? "/")),
            "route": .string(route),
            "status": .stringConvertible(code),
            "duration_ms": .stringConvertible(Self.milliseconds(duration)),
            "cache": .string(headers[.xCache] ?? "-"),
            "request_id": .string(id),
        ]
        if let cut { metadata["cut"] = .string(cut.rawValue) }
        logger.info("request", metadata: metadata)
    }

    /// `X-Content-Type-Options: nosniff`, built once.
    static let noSniff = HTTPField(name: .xContentTypeOptions, value: "nosniff")

    /// The request target with every secret's value in its query (`appid`, `token`, …) replaced.
    static func loggedTarget(_ target: String) -> String {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return target }
        // An empty query logs as the bare path, as before.
        guard target.utf8.index(after: mark) != target.utf8.endIndex else { return String(target[..<mark]) }
        return URLRedaction.redact(target)
    }

    /// `duration` in milliseconds to the microsecond: a number in JSON lines (`1.234`).
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        return Double(micros) / 1000
    }
}
