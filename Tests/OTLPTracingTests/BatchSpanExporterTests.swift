import HTTPTypes
import Logging
import ServiceLifecycle
import ServiceLifecycleTestKit
import Synchronization
import Tracing
import WeatherCore
import WeatherTesting
import XCTest

@testable import OTLPTracing

/// Finished spans leave in batches on schedule and at shutdown, retried when the collector is
/// briefly away, dropped (and counted) when the queue is full, with problems logged once and
/// without the headers' secrets.
final class BatchSpanExporterTests: XCTestCase {
    private let secret = "Bearer tok-\(UInt64.random(in: 1...UInt64.max))"

    private func make(
        _ variables: [String: String] = [:], transport: ScriptedTransport, logs: LogLines
    ) throws -> (OTLPTracer, BatchSpanExporter) {
        let configuration = try XCTUnwrap(
            OTLPTracingConfiguration(
                environment: [
                    "OTEL_EXPORTER_OTLP_ENDPOINT": "http://user:pw@collector.test:4318",
                    "OTEL_EXPORTER_OTLP_HEADERS": "authorization=\(secret.replacingOccurrences(of: " ", with: "%20"))",
                    "OTEL_BSP_SCHEDULE_DELAY": "50", "OTEL_BSP_EXPORT_TIMEOUT": "2000",
                ].merging(variables) { $1 }, defaultServiceName: "exporter-test"))
        let logger = Logger(label: "test") { _ in logs }
        return OTLPTracing.make(configuration: configuration, serviceVersion: "1.2.3", transport: transport, logger: logger)
    }

    private func spans(in request: TransportRequest) throws -> [ProtobufFields] {
        try ProtobufFields(XCTUnwrap(request.body)).message(1).message(2).messages(2)
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        XCTAssertTrue(condition(), "not within 5 s")
    }

    func testSpansLeaveOnScheduleAsProtobufWithTheHeadersToTheTracesEndpoint() async throws {
        let transport = ScriptedTransport()
        transport.always(.any, .status(200))
        let logs = LogLines()
        let (tracer, exporter) = try make(transport: transport, logs: logs)
        try await testGracefulShutdown { trigger in
            async let running: Void = exporter.run()
            for name in ["a", "b", "c"] { tracer.startSpan(name, context: .topLevel).end() }
            try await waitUntil { transport.requestCount >= 1 }
            trigger.triggerGracefulShutdown()
            try await running
        }
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertEqual(request.head.method, .post)
        XCTAssertEqual(request.head.authority, "user:pw@collector.test:4318")
        XCTAssertEqual(request.head.path, "/v1/traces")
        XCTAssertEqual(request.head.headerFields[.contentType], "application/x-protobuf")
        XCTAssertEqual(request.head.headerFields[.authorization], secret)
        let exported = try transport.requests.flatMap(spans(in:)).compactMap { $0.string(5) }
        XCTAssertEqual(exported.sorted(), ["a", "b", "c"])
        XCTAssertTrue(logs.all.isEmpty, logs.all.joined(separator: "\n"))
    }

    func testTheSpansOfTheLastRequestsLeaveAtShutdownEvenBeforeTheirSchedule() async throws {
        let transport = ScriptedTransport()
        transport.always(.any, .status(200))
        let (tracer, exporter) = try make(["OTEL_BSP_SCHEDULE_DELAY": "600000"], transport: transport, logs: LogLines())
        try await testGracefulShutdown { trigger in
            async let running: Void = exporter.run()
            for index in 0..<5 { tracer.startSpan("span \(index)", context: .topLevel).end() }
            trigger.triggerGracefulShutdown()
            try await running
        }
        XCTAssertEqual(transport.requestCount, 1)
        XCTAssertEqual(try transport.requests.flatMap(spans(in:)).count, 5)
    }

    func testForceFlushSendsWhatHasEndedWithoutWaitingForTheSchedule() async throws {
        let transport = ScriptedTransport()
        transport.always(.any, .status(200))
        let (tracer, exporter) = try make(["OTEL_BSP_SCHEDULE_DELAY": "600000"], transport: transport, logs: LogLines())
        try await testGracefulShutdown { trigger in
            async let running: Void = exporter.run()
            tracer.startSpan("flushed", context: .topLevel).end()
            tracer.forceFlush()
            try await waitUntil { transport.requestCount == 1 }
            trigger.triggerGracefulShutdown()
            try await running
        }
        XCTAssertEqual(try transport.requests.flatMap(spans(in:)).compactMap { $0.string(5) }, ["flushed"])
    }

    func testAFullBatchLeavesAtOnceInBatchesOfTheMaximumSize() async throws {
        let transport = ScriptedTransport()
        transport.always(.any, .status(200))
        let (tracer, exporter) = try make(
            ["OTEL_BSP_SCHEDULE_DELAY": "600000", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "4"], transport: transport,
            logs: LogLines())
        try await testGracefulShutdown { trigger in
            async let running: Void = exporter.run()
            for index in 0..<4 { tracer.startSpan("span \(index)", context: .topLevel).end() }
            try await waitUntil { transport.requestCount == 1 }
            for index in 4..<10 { tracer.startSpan("span \(index)", context: .topLevel).end() }
            trigger.triggerGracefulShutdown()
            try await running
        }
        XCTAssertEqual(try transport.requests.map { try spans(in: $0).count }, [4, 4, 2])
    }

    func testAnUnavailableCollectorIsRetriedAndARefusalIsLoggedOnceWithoutSecrets() async throws {
        let transport = ScriptedTransport()
        transport.enqueue(.any, .status(503), times: 2)
        transport.enqueue(.any, .status(200))
        transport.always(.any, .status(400))
        let logs = LogLines()
        let (tracer, exporter) = try make(transport: transport, logs: logs)
        try await testGracefulShutdown { trigger in
            async let running: Void = exporter.run()
            tracer.startSpan("retried", context: .topLevel).end()
            try await waitUntil { transport.requestCount >= 3 }
            tracer.startSpan("refused 1", context: .topLevel).end()
            try await waitUntil { transport.requestCount >= 4 }
            tracer.startSpan("refused 2", context: .topLevel).end()
            try await waitUntil { transport.requestCount >= 5 }
            trigger.triggerGracefulShutdown()
            try await running
        }
        XCTAssertEqual(transport.requests.prefix(3).map(\.body), Array(repeating: transport.requests[0].body, count: 3))
        XCTAssertEqual(transport.requestCount, 5, "a 400 is not retried")
        let lines = logs.all
        XCTAssertEqual(lines.count, 1, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.first?.contains("HTTP 400") == true, lines.joined())
        XCTAssertTrue(lines.first?.contains("REDACTED@collector.test") == true, lines.joined())
        for line in lines {
            XCTAssertFalse(line.contains("tok-") || line.contains("pw@"), line)
        }
    }

    func testAFullQueueDropsNewSpansAndSaysHowMany() async throws {
        let transport = ScriptedTransport()
        transport.always(.any, .status(200))
        let logs = LogLines()
        let (tracer, exporter) = try make(
            [
                "OTEL_BSP_SCHEDULE_DELAY": "600000", "OTEL_BSP_MAX_QUEUE_SIZE": "3",
                "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": "3",
            ], transport: transport, logs: logs)
        for index in 0..<3 { tracer.startSpan("kept \(index)", context: .topLevel).end() }
        for index in 0..<4 { tracer.startSpan("dropped \(index)", context: .topLevel).end() }
        try await testGracefulShutdown { trigger in
            async let running: Void = exporter.run()
            trigger.triggerGracefulShutdown()
            try await running
        }
        let names = try transport.requests.flatMap(spans(in:)).compactMap { $0.string(5) }
        XCTAssertEqual(names, ["kept 0", "kept 1", "kept 2"])
        XCTAssertTrue(logs.all.contains { $0.contains("4 spans dropped") }, logs.all.joined(separator: "\n"))
    }
}

/// Log lines captured by a test (message and metadata).
final class LogLines: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    subscript(metadataKey _: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let text = "\(event.level) \(event.message) \(event.metadata ?? [:])"
        lines.withLock { $0.append(text) }
    }
}
