import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The connection cap (`MAX_CONNECTIONS`, issue 23 item 1) over real sockets: connections over it
/// are closed at once and counted, those under it are served, and a released slot is taken again.
final class ConnectionCapTests: XCTestCase {
    func testConnectionsOverTheCapAreClosedAndCountedAndFreedSlotsAreReused() async throws {
        try await ServiceHarness.run(live: true, maxConnections: 4) { harness, client in
            let port = try XCTUnwrap(client.port)
            let request = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
            // The test client holds a connection of its own (made now), so 3 more are served.
            _ = try await client.execute(uri: "/health", method: .get)
            var served: [KeepAliveConnection] = []
            var refused = 0
            for _ in 0..<8 {
                let connection = try KeepAliveConnection(port: port, timeout: 5)
                try? connection.transmit(request)
                if let answer = try? connection.responses(1).first {
                    XCTAssertEqual(answer.status, 200)
                    served.append(connection)
                } else {
                    refused += 1
                }
            }
            XCTAssertEqual(served.count, 3)
            XCTAssertEqual(refused, 8 - served.count)

            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            XCTAssertTrue(metrics.contains("http_connections_refused_total \(refused)"), "refused \(refused) in\n\(metrics)")

            // A released slot is taken again once the server has seen the close.
            served.removeAll()
            var again: KeepAliveConnection?
            for _ in 0..<50 where again == nil {
                let connection = try KeepAliveConnection(port: port, timeout: 5)
                try? connection.transmit(request)
                if (try? connection.responses(1).first)?.status == 200 {
                    again = connection
                } else {
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            XCTAssertNotNil(again, "a connection is served again after others closed")
            _ = harness
        }
    }

    func testTheDefaultCapLeavesRoomForTheRestOfTheProcess() {
        XCTAssertEqual(ConnectionLimit.derived(fromFileLimit: 1024), 832)
        XCTAssertEqual(ConnectionLimit.derived(fromFileLimit: 256), 112)
        XCTAssertEqual(ConnectionLimit.derived(fromFileLimit: 65536), 61_312)
        XCTAssertEqual(ConnectionLimit.derived(fromFileLimit: 64), 16)
        XCTAssertEqual(ConnectionLimit.effective(configured: nil, fileLimit: 1024), 832)
        XCTAssertEqual(ConnectionLimit.effective(configured: 100, fileLimit: 1024), 100)
        XCTAssertEqual(ConnectionLimit.effective(configured: 5_000, fileLimit: 1024), 832, "lowered to what the limit allows")
    }

    func testTheSoftFileLimitIsRaisedToTheHardOne() {
        let raised = ConnectionLimit.raiseFileLimit()
        var limits = rlimit()
        #if canImport(Glibc)
            getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limits)
        #else
            getrlimit(RLIMIT_NOFILE, &limits)
        #endif
        XCTAssertEqual(raised, Int(limits.rlim_cur))
        XCTAssertEqual(limits.rlim_cur, min(limits.rlim_max, 1 << 20))
    }
}
