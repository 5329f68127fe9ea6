import Foundation
import TestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `serve` under a low open-files limit it cannot raise (issue 23, item 1): more connections than
/// it has descriptors. Before the connection cap, running out of descriptors made libdispatch's
/// worker monitor abort the process (SIGILL) about 6 s later.
final class FileLimitTests: XCTestCase {
    func testTheServiceOutlivesMoreConnectionsThanItHasDescriptors() async throws {
        // 256 descriptors: MAX_CONNECTIONS is derived as 112.
        try await ServeProcess.withRunning(environment: ["CLIENT_LIMIT": "off", "LOG_LEVEL": "info"], fileLimit: 256) { service in
            XCTAssertTrue(service.output.contains("at most 112 open at once"), service.output)
            var held: [KeepAliveConnection] = []
            for _ in 0..<400 {
                if let connection = try? KeepAliveConnection(port: service.port, timeout: 2) { held.append(connection) }
            }
            XCTAssertGreaterThan(held.count, 256, "the connections were made")
            // A lookup on each (upstream through curl, which needs descriptors too): idle
            // connections alone did not bring the old service down; these did, within seconds.
            for connection in held { try? connection.transmit("GET /v1/weather/current?city=Oslo HTTP/1.1\r\nHost: x\r\n\r\n") }
            // Longer than the runtime took to abort when descriptors ran out.
            try await Task.sleep(for: .seconds(7))
            XCTAssertEqual(kill(service.pid, 0), 0, "the service died: \(service.output.suffix(2000))")

            held.removeAll()  // each connection closes as it goes
            var health = 0
            for _ in 0..<50 where health != 200 {
                health = (try? await service.get("/health"))?.status ?? 0
                if health != 200 { try await Task.sleep(for: .milliseconds(100)) }
            }
            XCTAssertEqual(health, 200, "/health answers once the connections are released")
            let metrics = String(decoding: try await service.get("/metrics").body, as: UTF8.self)
            let line = metrics.split(separator: "\n").first { $0.hasPrefix("http_connections_refused_total ") }
            let refused = line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            XCTAssertGreaterThan(refused, 400 - 112 - 50, "connections over the cap are counted: \(line ?? "none")")
        }
    }
}
