import HTTPTypes
import OpenWeatherStub
import WeatherCore
import WeatherHTTP
import XCTest

/// Runs `body` with a fresh stub and a transport, and shuts both down afterwards.
func withStubAndTransport(
    _ configuration: CurlTransport.Configuration = .init(connectTimeout: .seconds(2), timeout: .seconds(5)),
    isolation: isolated (any Actor)? = #isolation,
    _ body: (OpenWeatherStub, CurlTransport) async throws -> Void
) async throws {
    try await OpenWeatherStub.withRunning { stub in
        let transport = CurlTransport(configuration: configuration)
        do {
            try await body(stub, transport)
        } catch {
            await transport.shutdown()
            throw error
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
