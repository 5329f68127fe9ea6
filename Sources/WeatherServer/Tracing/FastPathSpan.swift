import HTTPTypes
import Tracing
import WeatherServerCore
import WeatherPages

/// The server span of a request the fast path answered on the event loop: what Hummingbird's
/// `TracingMiddleware` records for a routed request (method, path, redacted query, route, status),
/// parented on the request's `traceparent`/`tracestate` through the tracer's propagator, and
/// current while the request's log line is written (so that line carries `trace_id`/`span_id`).
///
/// Made only when tracing is on; the span is started and ended at once, back-dated to when the
/// answer began, so a span that the sampler drops costs an extract, a sampling decision and no export.
enum FastPathSpan {
    /// Records `request`, answered with `status` on `route` after `duration`, running `body` (the
    /// observation that writes the log line) with the span's context current.
    static func record(
        tracer: any Tracer, request: HTTPRequest, route: String, duration: Duration, cache: String?,
        status: HTTPResponse.Status, body: () -> Void
    ) {
        let end = DefaultTracerClock.now
        let start = DefaultTracerClock.Timestamp(
            nanosecondsSinceEpoch: end.nanosecondsSinceEpoch &- UInt64(max(0, duration.nanoseconds)))
        var context = InstrumentationContext.current ?? .topLevel
        tracer.extract(request.headerFields, into: &context, using: HTTPFieldsExtractor())
        let span = tracer.startSpan(route, context: context, ofKind: .server, at: start)
        if span.isRecording {
            span.updateAttributes { attributes in
                attributes["http.request.method"] = request.method.rawValue
                let target = (request.path ?? "/")[...]
                let path = target.utf8.firstIndex(of: UInt8(ascii: "?")).map { target[..<$0] } ?? target
                attributes["url.path"] = String(path)
                attributes["url.query"] = TracingRedaction.query(of: target)
                attributes["http.route"] = route
                attributes["http.response.status_code"] = Int(status.code)
                attributes["weather.fast_path"] = true
                attributes["weather.cache"] = cache
            }
        }
        InstrumentationContext.$current.withValue(span.context) { body() }
        span.end(at: end)
    }
}

/// Reads `traceparent`, `tracestate` (and any other propagation field) from a request's fields.
struct HTTPFieldsExtractor: Extractor {
    func extract(key: String, from fields: HTTPFields) -> String? {
        HTTPField.Name(key).flatMap { fields[$0] }
    }
}

extension Duration {
    /// The whole nanoseconds of a non-negative duration.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
