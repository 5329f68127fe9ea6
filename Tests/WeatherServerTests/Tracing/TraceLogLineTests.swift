import Foundation
import Logging
import OTLPTracing
import Tracing
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// With tracing on, a JSON log line written inside a span carries its `trace_id` and `span_id`.
final class TraceLogLineTests: XCTestCase {
    func testALogLineInsideASpanCarriesItsTraceAndSpanIDs() throws {
        // The service's tracer (not bootstrapped, nothing exported): the ids are the ones it would export.
        let tracer = OTLPTracer(sampler: .alwaysOn) { _ in }
        let logs = LogCapture()
        let logger = Logger(label: "weather-tracker") { label in
            ServiceLogHandler(
                label: label, level: .info, format: .json, metadataProvider: .traceContext
            ) { logs.append($0) }
        }
        logger.info("outside")
        let span = tracer.startSpan("request", context: .topLevel, ofKind: .server)
        InstrumentationContext.$current.withValue(span.context) { logger.info("inside") }
        span.end()

        let lines = logs.all
        XCTAssertEqual(lines.count, 2)
        let outside = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertNil(outside["trace_id"], lines[0])
        let inside = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        let traceID = try XCTUnwrap(inside["trace_id"] as? String, lines[1])
        let spanID = try XCTUnwrap(inside["span_id"] as? String, lines[1])
        XCTAssertEqual(traceID.count, 32)
        XCTAssertEqual(spanID.count, 16)
        XCTAssertTrue((traceID + spanID).allSatisfy(\.isHexDigit))
    }
}
