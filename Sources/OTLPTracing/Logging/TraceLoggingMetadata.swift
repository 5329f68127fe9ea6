public import Logging
import Tracing
import W3CTraceContext

extension Logger.MetadataProvider {
    /// `trace_id`, `span_id` and `trace_flags` of the current span (its
    /// ``Tracing/InstrumentationContext/traceContext``) on every log line written inside one;
    /// nothing outside a span. Pass it to `LoggingSystem.bootstrap` when tracing is on.
    public static let traceContext = Logger.MetadataProvider {
        guard let context = InstrumentationContext.current?.traceContext else { return [:] }
        return [
            "trace_id": .string(context.traceID.description),
            "span_id": .string(context.spanID.description),
            "trace_flags": .string(context.flags.contains(.sampled) ? "01" : "00"),
        ]
    }
}
