import HTTPTypes
import OpenWeatherStub
import WeatherCore
import XCTest

final class TransportFaultTests: XCTestCase {
    func testServerErrorsComeBackAsResponses() async throws {
        try await withStubAndTransport { stub, transport in
            stub.inject(.status(503), times: 1)
            try await assertStatus(503, await transport.send(stub.weatherRequest()))
            stub.inject(.rateLimited(retryAfter: 7), times: 1)
            let limited = try await transport.send(stub.weatherRequest())
            XCTAssertEqual(limited.head.status, 429)
            XCTAssertEqual(limited.head.headerFields[.retryAfter], "7")
            stub.inject(.htmlErrorPage, times: 1)
            let page = try await transport.send(stub.weatherRequest())
            XCTAssertEqual(page.head.status, 502)
            XCTAssert(String(decoding: page.body, as: UTF8.self).contains("openresty"))
            stub.inject(.malformedJSON, times: 1)
            let malformed = try await transport.send(stub.weatherRequest())
            XCTAssertEqual(malformed.head.status, 200)
            XCTAssertThrowsError(try JSONSerialization.jsonObject(with: Data(malformed.body)))
        }
    }

    func testTruncatedBodyIsAConnectionFailure() async throws {
        try await withStubAndTransport { stub, transport in
            stub.inject(.truncatedBody, times: 1)
            await assertWeatherError(.connectionFailed) { try await transport.send(stub.weatherRequest()) }
            try await assertStatus(200, await transport.send(stub.weatherRequest()))
        }
    }

    func testConnectionResetIsAConnectionFailure() async throws {
        try await withStubAndTransport { stub, transport in
            stub.inject(.connectionReset, times: 1)
            await assertWeatherError(.connectionFailed) { try await transport.send(stub.weatherRequest()) }
            try await assertStatus(200, await transport.send(stub.weatherRequest()))
        }
    }

    func testLatencyBeyondTheTimeoutIsATimeout() async throws {
        let quick = TransportLimits(connectTimeout: .seconds(2), timeout: .milliseconds(200))
        try await withStubAndTransport(quick) { stub, transport in
            stub.inject(.latency(.seconds(2)), pathPrefix: "/data/2.5/weather", times: 1)
            await assertWeatherError(.timeout) { try await transport.send(stub.weatherRequest()) }
        }
    }

    // Issue 11, item 3: the client bounds each attempt by the time left of its refresh deadline.
    func testARequestsOwnTimeoutShortensTheTransportsAndOnlyForThatRequest() async throws {
        try await withStubAndTransport { stub, transport in  // the transport's own timeout: 5 s
            stub.inject(.latency(.seconds(2)), pathPrefix: "/data/2.5/weather", times: 1)
            var bounded = stub.weatherRequest()
            bounded.timeout = .milliseconds(200)
            let started = ContinuousClock.now
            await assertWeatherError(.timeout) { try await transport.send(bounded) }
            XCTAssertLessThan(started.duration(to: .now), .seconds(1), "cut at 200 ms, not after the 2 s latency")
            stub.inject(.latency(.milliseconds(400)), pathPrefix: "/data/2.5/weather", times: 1)
            let unbounded = try await transport.send(stub.weatherRequest())
            XCTAssertEqual(
                unbounded.head.status, 200, "the next request on the reused handle has the full timeout again")
        }
    }

    func testSlowDripCompletesWithinTheTimeoutAndTimesOutBeyondIt() async throws {
        let quick = TransportLimits(connectTimeout: .seconds(2), timeout: .milliseconds(400))
        try await withStubAndTransport(quick) { stub, transport in
            stub.inject(.slowDrip(chunkSize: 200, interval: .milliseconds(1)), times: 1)
            let dripped = try await transport.send(stub.weatherRequest())
            XCTAssertEqual(dripped.head.status, 200)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(dripped.body)))
            stub.inject(.slowDrip(chunkSize: 10, interval: .milliseconds(100)), times: 1)
            await assertWeatherError(.timeout) { try await transport.send(stub.weatherRequest()) }
        }
    }

    func testFailTheNextRequestsThenSucceed() async throws {
        try await withStubAndTransport { stub, transport in
            stub.inject(.status(500), pathPrefix: "/data/2.5/forecast", times: 2)
            let forecast = stub.weatherRequest(path: "/data/2.5/forecast")
            try await assertStatus(200, await transport.send(stub.weatherRequest()))
            try await assertStatus(500, await transport.send(forecast))
            try await assertStatus(500, await transport.send(forecast))
            try await assertStatus(200, await transport.send(forecast))
        }
    }

    func testRefusedConnection() async throws {
        let stub = try await OpenWeatherStub.start()
        let request = stub.weatherRequest()
        try await stub.shutdown()
        try await withTransport(TransportLimits(connectTimeout: .seconds(2), timeout: .seconds(5))) { transport in
            await assertWeatherError(.connectionRefused) { try await transport.send(request) }
        }
    }

    func testUnresolvableHost() async throws {
        try await withTransport(TransportLimits(connectTimeout: .seconds(3), timeout: .seconds(5))) { transport in
            var caught: (any Error)?
            do {
                _ = try await transport.send(TransportRequest(url: "http://no-such-host.invalid/data/2.5/weather"))
            } catch {
                caught = error
            }
            let error = try XCTUnwrap(
                caught as? WeatherError, "expected a WeatherError, got \(String(describing: caught))")
            if error.code == .timeout {
                throw XCTSkip("the resolver did not answer within 3 s on this machine: \(error)")
            }
            XCTAssertEqual(error.code, .dnsFailure, "\(error) [\(transport.kind)]")
        }
    }

    func testTLSToAPlainHTTPServerIsATLSFailure() async throws {
        // The stub answers the ClientHello with a plain 400 at once; the long timeouts only
        // keep a slow machine (or valgrind) from turning the handshake failure into a timeout.
        try await withStubAndTransport(.init(connectTimeout: .seconds(20), timeout: .seconds(30))) { stub, transport in
            let url = stub.baseURL.replacingOccurrences(of: "http://", with: "https://") + "/data/2.5/weather"
            await assertWeatherError(.tlsFailure) { try await transport.send(TransportRequest(url: url)) }
        }
    }

    func testTheAPIKeyNeverAppearsInAnError() async throws {
        let secret = "s3cr3t-api-key-123"
        try await withStubAndTransport { stub, transport in
            stub.inject(.connectionReset, times: 1)
            let request = TransportRequest(url: "\(stub.baseURL)/data/2.5/weather?q=Oslo&appid=\(secret)")
            let error = await assertWeatherError(.connectionFailed) { try await transport.send(request) }
            let text = try XCTUnwrap(error).description + String(reflecting: error)
            XCTAssertFalse(text.contains(secret), text)
            XCTAssert(text.contains("appid=REDACTED"), text)
        }
    }
}
