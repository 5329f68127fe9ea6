import Tracing
import W3CTraceContext
import XCTest

@testable import OTLPTracing

/// The export body is a well-formed `ExportTraceServiceRequest`: decoded here field by field with a
/// reader written apart from the encoder (CI also decodes it with opentelemetry-proto).
final class OTLPTraceRequestTests: XCTestCase {
    func testVarintsAndFixedNumbersUseTheWireFormat() throws {
        var writer = ProtobufWriter()
        writer.uint(1, 300)
        writer.int64(2, -1)
        writer.fixed64(3, 0x0102_0304_0506_0708)
        writer.uint(4, 0)  // proto3 default: left out
        writer.string(5, "")  // likewise
        writer.string(6, "", always: true)
        XCTAssertEqual(
            writer.bytes,
            [0x08, 0xAC, 0x02]  // field 1 varint 300
                + [0x10] + [UInt8](repeating: 0xFF, count: 9) + [0x01]  // field 2, -1 in ten bytes
                + [0x19, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01]  // field 3 fixed64, little-endian
                + [0x32, 0x00])  // field 6, empty string kept
    }

    func testASpanIsEncodedWithItsResourceScopeIdsTimesAttributesEventsLinksAndStatus() throws {
        let traceID = TraceID.random()
        let spanID = SpanID.random()
        let parentID = SpanID.random()
        let linked = TraceContext(traceID: .random(), spanID: .random(), flags: .sampled, state: TraceState())
        var attributes = SpanAttributes()
        attributes["http.route"] = "/v1/weather/current"
        attributes["http.response.status_code"] = 200
        attributes["weather.fast_path"] = true
        attributes["ratio"] = 0.25
        attributes["weather.families"] = ["current", "air"]
        let span = FinishedSpan(
            context: TraceContext(
                traceID: traceID, spanID: spanID, flags: .sampled,
                state: TraceState([(.simple("vendor"), "e2e")])),
            parentSpanID: parentID, operationName: "GET /v1/weather/current", kind: .server,
            startNanoseconds: 1_700_000_000_000_000_000, endNanoseconds: 1_700_000_000_001_000_000,
            attributes: attributes,
            events: [SpanEvent(name: "exception", at: DefaultTracerClock.Timestamp(nanosecondsSinceEpoch: 5),
                attributes: ["exception.type": "WeatherError"])],
            links: [(context: linked, attributes: [:])], status: SpanStatus(code: .error, message: "upstream 503"))
        let request = OTLPTraceRequest(
            resource: [(key: "service.name", value: "weather-tracker-test"), (key: "service.version", value: "9.9")],
            scope: (name: "weather-tracker", version: "9.9"))

        let decoded = try ProtobufFields(request.encode([span, span]))
        let resourceSpans = try decoded.message(1)
        let resource = try resourceSpans.message(1).attributes(1)
        XCTAssertEqual(resource["service.name"]?.string(1), "weather-tracker-test")
        XCTAssertEqual(resource["service.version"]?.string(1), "9.9")
        let scopeSpans = try resourceSpans.message(2)
        XCTAssertEqual(try scopeSpans.message(1).string(1), "weather-tracker")
        let spans = try scopeSpans.messages(2)
        XCTAssertEqual(spans.count, 2)
        let first = spans[0]
        XCTAssertEqual(first.bytes(1), withUnsafeBytes(of: traceID.bytes) { Array($0) })
        XCTAssertEqual(first.bytes(2), withUnsafeBytes(of: spanID.bytes) { Array($0) })
        XCTAssertEqual(first.string(3), "vendor=e2e")
        XCTAssertEqual(first.bytes(4), withUnsafeBytes(of: parentID.bytes) { Array($0) })
        XCTAssertEqual(first.string(5), "GET /v1/weather/current")
        XCTAssertEqual(first.varint(6), 2, "SPAN_KIND_SERVER")
        XCTAssertEqual(first.fixed64(7), 1_700_000_000_000_000_000)
        XCTAssertEqual(first.fixed64(8), 1_700_000_000_001_000_000)
        let attributesDecoded = try first.attributes(9)
        XCTAssertEqual(attributesDecoded["http.route"]?.string(1), "/v1/weather/current")
        XCTAssertEqual(attributesDecoded["http.response.status_code"]?.varint(3), 200)
        XCTAssertEqual(attributesDecoded["weather.fast_path"]?.varint(2), 1)
        XCTAssertEqual(attributesDecoded["ratio"]?.fixed64(4), 0.25.bitPattern)
        let array = try XCTUnwrap(attributesDecoded["weather.families"]).message(5).messages(1)
        XCTAssertEqual(array.map { $0.string(1) }, ["current", "air"])
        let event = try first.message(11)
        XCTAssertEqual(event.fixed64(1), 5)
        XCTAssertEqual(event.string(2), "exception")
        XCTAssertEqual(try event.attributes(3)["exception.type"]?.string(1), "WeatherError")
        let link = try first.message(13)
        XCTAssertEqual(link.bytes(2), withUnsafeBytes(of: linked.spanID.bytes) { Array($0) })
        let status = try first.message(15)
        XCTAssertEqual(status.string(2), "upstream 503")
        XCTAssertEqual(status.varint(3), 2, "STATUS_CODE_ERROR")
        guard case .fixed32(let flags) = first.all(16).last else { return XCTFail("no flags") }
        XCTAssertEqual(flags, 1, "sampled")
    }
}
