public import Tracing
public import W3CTraceContext

/// A sampled span that has ended: what the exporter encodes.
public struct FinishedSpan: Sendable {
    /// The span's own trace context (its trace id, span id, flags and `tracestate`).
    public var context: TraceContext
    /// The parent's span id; `nil` for a root span.
    public var parentSpanID: SpanID?
    /// The operation's name, for example the route.
    public var operationName: String
    /// Server, client or internal.
    public var kind: SpanKind
    /// When it started and ended, in nanoseconds since 1970.
    public var startNanoseconds: UInt64
    /// When it ended, in nanoseconds since 1970.
    public var endNanoseconds: UInt64
    /// Its attributes.
    public var attributes: SpanAttributes
    /// Its events (errors recorded are `exception` events).
    public var events: [SpanEvent]
    /// The spans it links to, with their trace contexts.
    public var links: [(context: TraceContext, attributes: SpanAttributes)]
    /// Its status, when set.
    public var status: SpanStatus?
}
