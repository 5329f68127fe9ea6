import HTTPTypes
import OpenWeatherStub
import WeatherCore
import XCTest

final class TransportConcurrencyTests: XCTestCase {
    func testSequentialRequestsReuseOneConnection() async throws {
        try await withStubAndTransport { stub, transport in
            for index in 0..<1000 {
                let response = try await transport.send(stub.weatherRequest("City\(index % 20)"))
                XCTAssertEqual(response.head.status, 200)
            }
            let stats = stub.stats
            XCTAssertEqual(stats.requests, 1000)
            XCTAssertLessThanOrEqual(stats.connectionsAccepted, 2)
        }
    }

    func testTwoHundredConcurrentRequestsAllSucceed() async throws {
        try await withStubAndTransport { stub, transport in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask { try await transport.send(stub.weatherRequest("Town\(index)")).head.status.code }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            XCTAssertEqual(statuses.count, 200)
            XCTAssert(statuses.allSatisfy { $0 == 200 })
            XCTAssertEqual(stub.stats.requests, 200)
            XCTAssertLessThanOrEqual(stub.stats.connectionsAccepted, transport.limits.maxConnectionsPerHost)
        }
    }

    func testCancellationResumesPromptlyAndClosesTheTransfer() async throws {
        try await withStubAndTransport(.init(connectTimeout: .seconds(2), timeout: .seconds(30))) { stub, transport in
            stub.inject(.latency(.seconds(20)), pathPrefix: "/data/2.5/weather", times: 1)
            let request = stub.weatherRequest()
            let task = Task { try await transport.send(request) }
            _ = try await stub.waitForStats { $0.requests == 1 }
            let cancelledAt = ContinuousClock.now
            task.cancel()
            do {
                _ = try await task.value
                XCTFail("expected CancellationError")
            } catch {
                XCTAssert(error is CancellationError, "\(error)")
            }
            XCTAssertLessThan(ContinuousClock.now - cancelledAt, .seconds(1))
            let stats = try await stub.waitForStats { $0.requestsAbandoned == 1 }
            XCTAssertEqual(stats.requestsAbandoned, 1, "the stub saw the connection close mid-request")
            try await assertStatus(200, await transport.send(request))
        }
    }

    func testCancelledBeforeSendingDoesNotReachTheServer() async throws {
        try await withStubAndTransport { stub, transport in
            let request = stub.weatherRequest()
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await transport.send(request)
            }
            do {
                _ = try await task.value
                XCTFail("expected CancellationError")
            } catch {
                XCTAssert(error is CancellationError, "\(error)")
            }
            XCTAssertEqual(stub.stats.requests, 0)
        }
    }
}
