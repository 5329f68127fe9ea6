import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
import TestSupport
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// A request whose task is cancelled before it is answered is logged and counted as cut (499,
/// with its reason), never as a 500 "unhandled error".
final class RequestCutTests: XCTestCase {
    /// A router with the service's observation middleware and `/slow`, which waits until cancelled.
    private static func router(
        metrics: ServiceMetrics, logs: LogCapture, started: AsyncStream<Void>.Continuation? = nil
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(
            middleware: RequestObservationMiddleware(
                observation: RequestObservation(metrics: metrics, logger: logs.logger(), requestIDs: RequestIDGenerator())))
        router.get("/slow") { _, _ -> Response in
            started?.yield()
            try await Task.sleep(for: .seconds(30))
            return Response(status: .ok)
        }
        router.get("/cancelled") { _, _ -> Response in throw CancellationError() }
        return router
    }

    func testACancelledHandlerIsLoggedAsCutByTheClientNotAsAnError() async throws {
        let metrics = ServiceMetrics(build: BuildInfo(commit: nil))
        let logs = LogCapture()
        let app = Application(router: Self.router(metrics: metrics, logs: logs))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/cancelled", method: .get)
            XCTAssertEqual(response.status, .serviceUnavailable, "what a still-open connection gets")
        }
        let lines = logs.all
        XCTAssertFalse(lines.contains { $0.contains("unhandled error") }, lines.joined(separator: "\n"))
        let line = try XCTUnwrap(lines.first { $0.contains(" request ") }, lines.joined(separator: "\n"))
        XCTAssertTrue(line.contains("status=499"), line)
        XCTAssertTrue(line.contains("cut=client_closed"), line)
        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        XCTAssertTrue(text.contains(#"http_requests_cut_total{route="/cancelled",reason="client_closed"} 1"#), text)
        XCTAssertTrue(text.contains(#"http_requests_total{route="/cancelled",method="GET",status="499"} 1"#), text)
        XCTAssertFalse(text.contains(#"status="500""#), text)
    }

    func testARequestInFlightWhenTheShutdownTimesOutIsLoggedAsCutByTheShutdown() async throws {
        let metrics = ServiceMetrics(build: BuildInfo(commit: nil))
        let logs = LogCapture()
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let app = Application(
            router: Self.router(metrics: metrics, logs: logs, started: startedContinuation),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
            logger: quiet)
        var configuration = ServiceGroupConfiguration(services: [.init(service: app)], logger: quiet)
        configuration.maximumGracefulShutdownDuration = .milliseconds(300)
        let group = ServiceGroup(configuration: configuration)
        let running = Task { try await group.run() }

        var portIterator = ports.makeAsyncIterator()
        let bound = await portIterator.next()
        let port = try XCTUnwrap(bound)
        let connection = try KeepAliveConnection(port: port)
        try connection.transmit("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var startedIterator = started.makeAsyncIterator()
        _ = await startedIterator.next()

        // The server stops accepting and waits for /slow; 300 ms later the group cancels it.
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        withExtendedLifetime(connection) {}

        let lines = logs.all
        XCTAssertFalse(lines.contains { $0.contains("unhandled error") }, lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.contains("Redis is unreachable") }, lines.joined(separator: "\n"))
        let line = try XCTUnwrap(lines.first { $0.contains(" request ") }, lines.joined(separator: "\n"))
        XCTAssertTrue(line.contains("status=499"), line)
        XCTAssertTrue(line.contains("cut=shutdown"), line)
        XCTAssertTrue(line.contains("route=/slow"), line)
        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        XCTAssertTrue(text.contains(#"http_requests_cut_total{route="/slow",reason="shutdown"} 1"#), text)
    }
}
