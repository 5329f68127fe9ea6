import Foundation
import OpenWeatherStub
import ServiceLifecycleTestKit
import WeatherCore
import WeatherHTTP
import XCTest

final class CurlTransportLifecycleTests: XCTestCase {
    /// Open file descriptors of this process (Linux), or `nil` where /proc is missing.
    private func openDescriptorCount() -> Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count
    }

    func testShutdownClosesEverySocketAndPipe() async throws {
        try await OpenWeatherStub.withRunning { stub in
            guard let before = openDescriptorCount() else { throw XCTSkip("no /proc/self/fd") }
            for _ in 0..<10 {
                let transport = CurlTransport()
                for _ in 0..<3 { try await assertStatus(200, await transport.send(stub.weatherRequest())) }
                await transport.shutdown()
            }
            // The stub closes its side of each connection asynchronously (one event-loop turn each):
            // give it a bounded moment; a descriptor leaked by the transport never goes away.
            var now = openDescriptorCount() ?? 0
            for _ in 0..<200 where now > before + 2 {
                try await Task.sleep(for: .milliseconds(10))
                now = openDescriptorCount() ?? 0
            }
            XCTAssertLessThanOrEqual(now, before + 2)
        }
    }

    func testAsAServiceItRunsUntilGracefulShutdownThenShutsDown() async throws {
        try await OpenWeatherStub.withRunning { stub in
            // The first sleep makes Dispatch open its timer descriptor: do it before counting.
            try await Task.sleep(for: .milliseconds(1))
            guard let before = openDescriptorCount() else { throw XCTSkip("no /proc/self/fd") }
            do {
                let transport = CurlTransport()
                try await testGracefulShutdown { trigger in
                    async let running: Void = transport.run()
                    try await assertStatus(200, await transport.send(stub.weatherRequest()))
                    trigger.triggerGracefulShutdown()
                    try await running
                }
                // run() has returned: the transport is shut down, and shutting it down again is harmless.
                await assertWeatherError(.connectionFailed) { try await transport.send(stub.weatherRequest()) }
                await transport.shutdown()
            }
            // The wakeup pipe lives as long as the transport (a late wakeup must not hit a closed
            // descriptor), so count once it is released.
            var now = openDescriptorCount() ?? 0
            for _ in 0..<200 where now > before {
                try await Task.sleep(for: .milliseconds(10))
                now = openDescriptorCount() ?? 0
            }
            XCTAssertLessThanOrEqual(
                now, before, "the connection is closed once run() returns, the pipe once the transport is released")
        }
    }

    func testACancelledRunShutsDownToo() async throws {
        let transport = CurlTransport()
        let running = Task { try await transport.run() }
        running.cancel()
        try await running.value
        try await OpenWeatherStub.withRunning { stub in
            _ = await assertWeatherError(.connectionFailed) { try await transport.send(stub.weatherRequest()) }
        }
    }
}
