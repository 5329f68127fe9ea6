import Synchronization
public import Tracing
import W3CTraceContext

/// A span of ``OTLPTracer``: sampled, it records what it is told and hands a ``FinishedSpan`` to
/// the exporter when it ends; not sampled, it only carries its context (ids for logs and
/// downstream calls) and ignores everything else.
public final class OTLPSpan: Tracing.Span {
    /// The context holding this span's ``Tracing/InstrumentationContext/traceContext``.
    public let context: InstrumentationContext
    private let traceContext: TraceContext
    private let parentSpanID: SpanID?
    private let kind: SpanKind
    private let startNanoseconds: UInt64
    /// Whether the span records (its trace is sampled); when not, `recording` stays empty.
    private let isSampled: Bool
    private let recording: Mutex<Recording>
    private let onEnd: @Sendable (FinishedSpan) -> Void

    private struct Recording {
        var operationName: String
        var attributes: SpanAttributes = [:]
        var events: [SpanEvent] = []
        var links: [(context: TraceContext, attributes: SpanAttributes)] = []
        var status: SpanStatus?
        var hasEnded = false
    }

    init(
        operationName: String, context: InstrumentationContext, traceContext: TraceContext, parentSpanID: SpanID?,
        kind: SpanKind, startNanoseconds: UInt64, onEnd: @escaping @Sendable (FinishedSpan) -> Void
    ) {
        self.context = context
        self.traceContext = traceContext
        self.parentSpanID = parentSpanID
        self.kind = kind
        self.startNanoseconds = startNanoseconds
        self.onEnd = onEnd
        isSampled = traceContext.flags.contains(.sampled)
        recording = Mutex(Recording(operationName: isSampled ? operationName : ""))
    }

    /// Whether the span is sampled and has not ended.
    public var isRecording: Bool { isSampled && recording.withLock { !$0.hasEnded } }

    /// The operation's name (empty when not sampled).
    public var operationName: String {
        get { recording.withLock { $0.operationName } }
        set { update { $0.operationName = newValue } }
    }

    /// The attributes recorded so far (none when not sampled).
    public var attributes: SpanAttributes {
        get { recording.withLock { $0.attributes } }
        set { update { $0.attributes = newValue } }
    }

    /// Sets the status; an `ok` status is final, and its message dropped (as the specification says).
    public func setStatus(_ status: SpanStatus) {
        update { recording in
            guard recording.status?.code != .ok else { return }
            recording.status = status.code == .ok ? SpanStatus(code: .ok) : status
        }
    }

    /// Adds `event`.
    public func addEvent(_ event: SpanEvent) {
        update { $0.events.append(event) }
    }

    /// Adds an `exception` event naming the error's type and message.
    public func recordError<Instant: TracerInstant>(
        _ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant
    ) {
        guard isSampled else { return }
        var eventAttributes: SpanAttributes = [
            "exception.type": .string(String(describing: type(of: error))),
            "exception.message": .string(String(describing: error)),
        ]
        eventAttributes.merge(attributes)
        addEvent(SpanEvent(name: "exception", at: instant(), attributes: eventAttributes))
    }

    /// Links this span to the span whose context `link` carries (when it has one).
    public func addLink(_ link: SpanLink) {
        guard let linked = link.context.traceContext else { return }
        update { $0.links.append((context: linked, attributes: link.attributes)) }
    }

    /// Ends the span at `instant`; a sampled span goes to the exporter. Later calls do nothing.
    public func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        guard isSampled else { return }
        let finished: FinishedSpan? = recording.withLock { state in
            guard !state.hasEnded else { return nil }
            state.hasEnded = true
            return FinishedSpan(
                context: traceContext, parentSpanID: parentSpanID, operationName: state.operationName, kind: kind,
                startNanoseconds: startNanoseconds, endNanoseconds: instant().nanosecondsSinceEpoch,
                attributes: state.attributes, events: state.events, links: state.links, status: state.status)
        }
        if let finished { onEnd(finished) }
    }

    private func update(_ body: (inout Recording) -> Void) {
        guard isSampled else { return }
        recording.withLock { state in
            if !state.hasEnded { body(&state) }
        }
    }
}
