import Foundation
import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

/// Issue 11, item 5: a coalesced flight belongs to no caller — not to the first caller's priority
/// or task-locals, and its errors name each caller's own query.
final class CoalescedContextTests: XCTestCase {
    enum CallerContext {
        @TaskLocal static var requestID: String?
    }

    /// Records the context each request is sent in, then answers from a script.
    final class ContextRecordingTransport: HTTPTransport {
        let script: ScriptedTransport
        private let seen = Mutex<[(requestID: String?, priority: TaskPriority)]>([])

        init(clock: ManualClock) { script = ScriptedTransport(clock: clock) }

        var contexts: [(requestID: String?, priority: TaskPriority)] { seen.withLock { $0 } }

        func send(_ request: TransportRequest) async throws -> TransportResponse {
            let context = (CallerContext.requestID, Task.currentPriority)
            seen.withLock { $0.append(context) }
            return try await script.send(request)
        }
    }

    func testSharedFlightInheritsNeitherTheFirstCallersTaskLocalsNorItsPriority() async throws {
        let clock = ManualClock()
        let transport = ContextRecordingTransport(clock: clock)
        transport.script.enqueue(.any, .json(Reading.json(temp: 2)))
        let client = WeatherClient(
            transport: transport, cache: MemoryCacheStore(clock: clock),
            configuration: .init(retry: RetryPolicy(maxAttempts: 1), quota: .unlimited), clock: clock,
            random: .constant(0.5))
        let first = Task(priority: .background) {
            try await CallerContext.$requestID.withValue("request-1") {
                try await client.fetch(Harness.request(), as: Reading.self)
            }
        }
        let result = try await first.value
        XCTAssertEqual(result.value.temp, 2)
        let context = try XCTUnwrap(transport.contexts.first)
        XCTAssertNil(context.requestID, "the first caller's task-local leaked into the shared flight")
        XCTAssertNotEqual(context.priority, .background, "the shared flight runs at the first caller's priority")
    }

    func testCoalescedCallersEachSeeTheirOwnQueryInTheSharedError() async throws {
        let h = Harness()
        h.transport.enqueue(
            .any, .json(#"{"cod":"404","message":"city not found"}"#, status: 404), latency: .seconds(1))
        func request(_ text: String) -> OpenWeatherRequest { Harness.request(text) }
        let client = h.client
        let first = Task { await weatherError { _ = try await client.fetch(request("Paris"), as: Reading.self) } }
        try await h.clock.waitForSleepers(1)  // the shared flight is waiting on upstream
        let second = Task { await weatherError { _ = try await client.fetch(request("PARIS"), as: Reading.self) } }
        await yield(until: { h.store.operations.count >= 3 })  // first get, flight's get, second caller's get
        h.clock.advance(by: .seconds(1))
        let (firstError, secondError) = await (first.value, second.value)
        XCTAssertEqual(h.transport.requestCount, 1, "both callers shared one flight")
        XCTAssertNil(secondError?.underlying, "the second caller joined the flight, not the cached answer")
        XCTAssertEqual(firstError?.query, "Paris")
        XCTAssertEqual(secondError?.query, "PARIS")
        XCTAssertTrue(secondError?.message.contains("\"PARIS\"") ?? false, secondError?.message ?? "no error")
        XCTAssertFalse(secondError?.message.contains("\"Paris\"") ?? true)
        XCTAssertTrue(secondError?.url?.contains("q=PARIS") ?? false, secondError?.url ?? "no URL")
    }
}
