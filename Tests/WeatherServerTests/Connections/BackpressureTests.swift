import HTTPTypes
import HummingbirdTesting
import TestSupport
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// A client that pipelines requests and never reads its answers (issue 23, item 6), over a real
/// socket: the server stops taking requests once its answers back up, instead of answering every
/// one into memory.
final class BackpressureTests: XCTestCase {
    func testTheServerStopsReadingWhileItsAnswersAreNotRead() async throws {
        try await ServiceHarness.run(live: true) { _, client in
            let port = try XCTUnwrap(client.port)
            let request = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
            // 60,000 answers of ~300 bytes are ~18 MB: more than every kernel buffer between
            // (the client's receive buffer is pinned to 16 KiB, the server's send buffer tops out
            // at 4 MiB here), so a server that kept reading would have to hold the rest in memory.
            let total = 60_000
            let connection = try KeepAliveConnection(port: port, timeout: 5, receiveBuffer: 16_384)
            let sent = connection.transmit(request, times: total, stallSeconds: 2)

            // Wait until the count of answered requests stops moving (at most ~30 s).
            var answered = -1
            for _ in 0..<100 {
                try await Task.sleep(for: .milliseconds(300))
                let now = try await Self.answeredHealthChecks(client)
                if now == answered { break }
                answered = now
            }
            XCTAssertGreaterThan(answered, 0)
            XCTAssertLessThan(
                answered, sent,
                "the server answered everything sent (\(answered) of \(sent)) although the client read none of it")
            XCTAssertLessThan(answered, total / 2, "answers held back stay bounded")
            withExtendedLifetime(connection) {}
        }
    }

    /// `http_requests_total` for `GET /health` 200, from `/metrics`.
    private static func answeredHealthChecks(_ client: any TestClientProtocol) async throws -> Int {
        let text = try await client.execute(uri: "/metrics", method: .get).text
        let prefix = #"http_requests_total{route="/health",method="GET",status="200"} "#
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return 0 }
        return Int(line.dropFirst(prefix.count)) ?? 0
    }
}
