import Synchronization
import Tracing
import W3CTraceContext
import XCTest

@testable import OTLPTracing

/// Spans continue the trace they start in, read and write W3C trace context, and only sampled
/// spans record and reach the exporter.
final class OTLPTracerTests: XCTestCase {
    private final class Sink: Sendable {
        let spans = Mutex<[FinishedSpan]>([])
        func record(_ span: FinishedSpan) { spans.withLock { $0.append(span) } }
        var all: [FinishedSpan] { spans.withLock { $0 } }
    }

    private struct DictionaryExtractor: Extractor {
        func extract(key: String, from carrier: [String: String]) -> String? { carrier[key] }
    }

    private struct DictionaryInjector: Injector {
        func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) { carrier[key] = value }
    }

    func testAChildContinuesItsParentsTraceAndBothAreExportedWithWhatTheyRecorded() throws {
        let sink = Sink()
        let tracer = OTLPTracer(sampler: .alwaysOn, onEnd: sink.record)
        let parent = tracer.startSpan("request", context: .topLevel, ofKind: .server)
        let child = tracer.startSpan("lookup current", context: parent.context, ofKind: .internal)
        child.attributes["weather.cache"] = "MISS"
        child.setStatus(SpanStatus(code: .error, message: "timeout"))
        child.recordError(CancellationError())
        child.end()
        child.end()  // a second end changes nothing
        child.attributes["late"] = "ignored"
        parent.end()

        let spans = sink.all
        XCTAssertEqual(spans.map(\.operationName), ["lookup current", "request"])
        let (recordedChild, recordedParent) = (spans[0], spans[1])
        XCTAssertEqual(recordedChild.context.traceID, recordedParent.context.traceID)
        XCTAssertEqual(recordedChild.parentSpanID, recordedParent.context.spanID)
        XCTAssertNil(recordedParent.parentSpanID)
        XCTAssertNotEqual(recordedChild.context.spanID, recordedParent.context.spanID)
        XCTAssertEqual(recordedChild.attributes.get("weather.cache"), .string("MISS"))
        XCTAssertNil(recordedChild.attributes.get("late"))
        XCTAssertEqual(recordedChild.status?.message, "timeout")
        XCTAssertEqual(recordedChild.events.map(\.name), ["exception"])
        XCTAssertLessThanOrEqual(recordedParent.startNanoseconds, recordedParent.endNanoseconds)
    }

    func testAnIncomingTraceparentIsTheParentAndTheContextIsInjectedDownstream() throws {
        let sink = Sink()
        let tracer = OTLPTracer(sampler: .parentBased(root: .alwaysOff), onEnd: sink.record)
        var context = InstrumentationContext.topLevel
        let incoming = [
            "traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tracestate": "vendor=e2e",
        ]
        tracer.extract(incoming, into: &context, using: DictionaryExtractor())
        let span = tracer.startSpan("GET /v1/air", context: context, ofKind: .server)
        XCTAssertTrue(span.isRecording, "the sampled remote parent decides")
        var outgoing: [String: String] = [:]
        tracer.inject(span.context, into: &outgoing, using: DictionaryInjector())
        span.end()

        let exported = try XCTUnwrap(sink.all.first)
        XCTAssertEqual(exported.context.traceID.description, "0af7651916cd43dd8448eb211c80319c")
        XCTAssertEqual(exported.parentSpanID?.description, "b7ad6b7169203331")
        XCTAssertEqual(exported.context.traceStateHeaderValue, "vendor=e2e")
        XCTAssertEqual(
            outgoing["traceparent"], "00-0af7651916cd43dd8448eb211c80319c-\(exported.context.spanID.description)-01")
        XCTAssertEqual(outgoing["tracestate"], "vendor=e2e")
    }

    func testAMalformedTraceparentStartsANewTraceAndUnsampledSpansRecordNothing() {
        let sink = Sink()
        let tracer = OTLPTracer(sampler: .parentBased(root: .alwaysOff), onEnd: sink.record)
        for bad in ["", "00-zz-b7ad6b7169203331-01", "00-00000000000000000000000000000000-b7ad6b7169203331-01"] {
            var context = InstrumentationContext.topLevel
            tracer.extract(["traceparent": bad], into: &context, using: DictionaryExtractor())
            XCTAssertNil(context.traceContext, bad)
        }
        var context = InstrumentationContext.topLevel
        tracer.extract(
            ["traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00"], into: &context,
            using: DictionaryExtractor())
        let span = tracer.startSpan("not sampled", context: context, ofKind: .server)
        XCTAssertFalse(span.isRecording)
        span.attributes["x"] = "y"
        XCTAssertTrue(span.attributes.isEmpty)
        XCTAssertEqual(span.context.traceContext?.traceID.description, "0af7651916cd43dd8448eb211c80319c")
        XCTAssertEqual(span.context.traceContext?.flags.contains(.sampled), false)
        span.end()
        XCTAssertTrue(sink.all.isEmpty, "an unsampled span is not exported")
    }

    func testWithPropagationOffNothingIsReadOrWritten() {
        let tracer = OTLPTracer(sampler: .alwaysOn, propagatesTraceContext: false) { _ in }
        var context = InstrumentationContext.topLevel
        tracer.extract(
            ["traceparent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"], into: &context,
            using: DictionaryExtractor())
        XCTAssertNil(context.traceContext)
        var outgoing: [String: String] = [:]
        tracer.inject(tracer.startSpan("x", context: .topLevel).context, into: &outgoing, using: DictionaryInjector())
        XCTAssertTrue(outgoing.isEmpty)
    }
}
