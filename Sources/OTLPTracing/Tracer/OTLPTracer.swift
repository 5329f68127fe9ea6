public import Tracing
import W3CTraceContext

/// A tracer that samples, records and hands finished spans to an OTLP exporter: the process's
/// tracer when tracing is on (made by ``OTLPTracing/make(configuration:transport:logger:)``).
///
/// New spans continue the trace of the context they start in (its
/// ``Tracing/InstrumentationContext/traceContext``) or start a new one with random ids; the
/// ``Sampler`` decides whether they record. `extract` and `inject` read and write the W3C
/// `traceparent` and `tracestate` fields (unless `OTEL_PROPAGATORS` leaves trace context out); a
/// malformed `traceparent` is ignored, as the W3C recommendation says, and starts a new trace.
public struct OTLPTracer: Tracer {
    /// This tracer's spans.
    public typealias Span = OTLPSpan

    let sampler: Sampler
    let propagatesTraceContext: Bool
    let onEnd: @Sendable (FinishedSpan) -> Void
    let onFlush: @Sendable () -> Void

    /// A tracer sampling with `sampler` that calls `onEnd` with each sampled span as it ends, and
    /// `onFlush` when asked to export what has ended without waiting for the schedule.
    public init(
        sampler: Sampler, propagatesTraceContext: Bool = true, onFlush: @escaping @Sendable () -> Void = {},
        onEnd: @escaping @Sendable (FinishedSpan) -> Void
    ) {
        self.sampler = sampler
        self.propagatesTraceContext = propagatesTraceContext
        self.onFlush = onFlush
        self.onEnd = onEnd
    }

    /// Starts a span in `context`'s trace (or a new one), sampled as the sampler decides.
    public func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> OTLPSpan {
        var context = context()
        let parent = context.traceContext
        let traceID = parent?.traceID ?? .random()
        let sampled = sampler.isSampled(traceID: traceID, parentFlags: parent?.flags)
        let traceContext = TraceContext(
            traceID: traceID, spanID: .random(), flags: sampled ? .sampled : [], state: parent?.state ?? TraceState())
        context.traceContext = traceContext
        return OTLPSpan(
            operationName: operationName, context: context, traceContext: traceContext, parentSpanID: parent?.spanID,
            kind: kind, startNanoseconds: instant().nanosecondsSinceEpoch, onEnd: onEnd)
    }

    /// Asks the exporter to send the spans that have ended now, without waiting for its schedule
    /// (it returns at once; the export runs on the exporter's task).
    public func forceFlush() { onFlush() }

    /// Reads `traceparent` (and `tracestate`) from `carrier` into `context` as the remote parent.
    public func extract<Carrier, Extract: Extractor>(
        _ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract
    ) where Extract.Carrier == Carrier {
        guard propagatesTraceContext, let parent = extractor.extract(key: "traceparent", from: carrier),
            let remote = try? TraceContext(
                traceParentHeaderValue: parent, traceStateHeaderValue: extractor.extract(key: "tracestate", from: carrier))
        else { return }
        context.traceContext = remote
    }

    /// Writes `context`'s trace as `traceparent` (and a non-empty `tracestate`) into `carrier`.
    public func inject<Carrier, Inject: Injector>(
        _ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject
    ) where Inject.Carrier == Carrier {
        guard propagatesTraceContext, let traceContext = context.traceContext else { return }
        injector.inject(traceContext.traceParentHeaderValue, forKey: "traceparent", into: &carrier)
        if let state = traceContext.traceStateHeaderValue, !state.isEmpty {
            injector.inject(state, forKey: "tracestate", into: &carrier)
        }
    }
}
