import HTTPTypes
import OpenWeatherStub
import WeatherCore
import WeatherHTTP
import XCTest

#if AsyncHTTPClient
    import AsyncHTTPClient
    import NIOCore
    import WeatherAsyncHTTPClient
#endif

/// The transports the shared transport tests run against: libcurl always, AsyncHTTPClient when the package is
/// built with its trait (`swift test --traits defaults,AsyncHTTPClient`).
enum TransportKind: String, CaseIterable, Sendable {
    case curl
    #if AsyncHTTPClient
        case asyncHTTPClient
    #endif
}

/// What a test asks of a transport, whichever library sends; the defaults are `CurlTransport.Configuration`'s.
struct TransportLimits: Sendable {
    var connectTimeout: Duration = .seconds(10)
    var timeout: Duration = .seconds(30)
    var maxResponseBytes: Int = 8 * 1024 * 1024
    var maxConnectionsPerHost: Int = 8
}

/// One transport under test, the limits it was made with, and how to stop it.
struct TransportUnderTest: Sendable {
    let kind: TransportKind
    let limits: TransportLimits
    let transport: any HTTPTransport
    /// Shuts the transport (or its client) down; calling it again is harmless.
    let shutdown: @Sendable () async -> Void

    func send(_ request: TransportRequest) async throws -> TransportResponse { try await transport.send(request) }

    /// A transport of `kind` honouring `limits`.
    static func make(_ kind: TransportKind, _ limits: TransportLimits) -> TransportUnderTest {
        switch kind {
        case .curl:
            let curl = CurlTransport(
                configuration: .init(
                    connectTimeout: limits.connectTimeout, timeout: limits.timeout,
                    maxResponseBytes: limits.maxResponseBytes, maxConnectionsPerHost: limits.maxConnectionsPerHost))
            return TransportUnderTest(kind: kind, limits: limits, transport: curl) { await curl.shutdown() }
        #if AsyncHTTPClient
            case .asyncHTTPClient:
                // HTTPClient.shared's settings (decompression on), with the limits' connection settings and no
                // retry of a failed connection (by default it retries until the connect timeout): the same
                // error, without waiting for it.
                var configuration = HTTPClient.Configuration.singletonConfiguration
                let connect = limits.connectTimeout.components
                configuration.timeout = .init(
                    connect: .nanoseconds(connect.seconds * 1_000_000_000 + connect.attoseconds / 1_000_000_000))
                configuration.connectionPool = .init(
                    idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: limits.maxConnectionsPerHost)
                configuration.connectionPool.retryConnectionEstablishment = false
                let client = HTTPClient(configuration: configuration)
                let transport = AsyncHTTPClientTransport(
                    configuration: .init(
                        client: client, timeout: limits.timeout, maxResponseBytes: limits.maxResponseBytes))
                return TransportUnderTest(kind: kind, limits: limits, transport: transport) {
                    try? await client.shutdown()
                }
        #endif
        }
    }
}

/// The failure of a shared test body, naming the transport it ran against.
struct TransportTestFailure: Error, CustomStringConvertible {
    let kind: TransportKind
    let error: any Error
    var description: String { "[\(kind.rawValue)] \(error)" }
}

/// Runs `body` once per transport kind (every one unless `kinds` says otherwise), each time with a fresh stub
/// and transport, and shuts both down afterwards.
func withStubAndTransport(
    _ limits: TransportLimits = .init(connectTimeout: .seconds(2), timeout: .seconds(5)),
    kinds: [TransportKind] = TransportKind.allCases,
    isolation: isolated (any Actor)? = #isolation,
    _ body: (OpenWeatherStub, TransportUnderTest) async throws -> Void
) async throws {
    for kind in kinds {
        try await OpenWeatherStub.withRunning { stub in
            let transport = TransportUnderTest.make(kind, limits)
            do {
                try await body(stub, transport)
            } catch {
                await transport.shutdown()
                throw TransportTestFailure(kind: kind, error: error)
            }
            await transport.shutdown()
        }
    }
}

/// Runs `body` once per transport kind with a transport made from `limits`, and shuts it down afterwards.
func withTransport(
    _ limits: TransportLimits, isolation: isolated (any Actor)? = #isolation,
    _ body: (TransportUnderTest) async throws -> Void
) async throws {
    for kind in TransportKind.allCases {
        let transport = TransportUnderTest.make(kind, limits)
        do {
            try await body(transport)
        } catch {
            await transport.shutdown()
            throw TransportTestFailure(kind: kind, error: error)
        }
        await transport.shutdown()
    }
}

extension OpenWeatherStub {
    /// A request for the current weather in `city`, with the stub's key.
    func weatherRequest(_ city: String = "London", path: String = "/data/2.5/weather") -> TransportRequest {
        TransportRequest(url: "\(baseURL)\(path)?q=\(city)&appid=\(OpenWeatherStub.Configuration.defaultAPIKey)")
    }

    /// Polls the stats until `condition` holds, at most `attempts` times 10 ms apart.
    func waitForStats(attempts: Int = 300, _ condition: (StubStats) -> Bool) async throws -> StubStats {
        for _ in 0..<attempts {
            let current = stats
            if condition(current) { return current }
            try await Task.sleep(for: .milliseconds(10))
        }
        return stats
    }
}

/// Asserts that `operation` throws a ``WeatherError`` with `code`, and returns it.
@discardableResult
func assertWeatherError(
    _ code: WeatherError.Code, file: StaticString = #filePath, line: UInt = #line,
    _ operation: () async throws -> TransportResponse
) async -> WeatherError? {
    do {
        let response = try await operation()
        XCTFail("expected \(code), got status \(response.head.status.code)", file: file, line: line)
    } catch let error as WeatherError {
        XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        return error
    } catch {
        XCTFail("expected WeatherError \(code), got \(error)", file: file, line: line)
    }
    return nil
}

/// Asserts the status of a response that was awaited by the caller.
func assertStatus(
    _ expected: Int, _ response: @autoclosure () async throws -> TransportResponse, file: StaticString = #filePath,
    line: UInt = #line
) async throws {
    let status = try await response().head.status.code
    XCTAssertEqual(status, expected, file: file, line: line)
}
