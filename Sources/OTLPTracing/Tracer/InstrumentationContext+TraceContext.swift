public import Tracing
public import W3CTraceContext

extension InstrumentationContext {
    /// The W3C trace context of the current span (or of the remote parent read from a request's
    /// `traceparent`): trace id, span id, flags and `tracestate`. `nil` outside a trace.
    public var traceContext: TraceContext? {
        get { self[TraceContextKey.self] }
        set { self[TraceContextKey.self] = newValue }
    }
}

/// The context key of ``Tracing/InstrumentationContext/traceContext``.
private enum TraceContextKey: InstrumentationContextKey {
    typealias Value = TraceContext
    static var nameOverride: String? { "w3c-trace-context" }
}
