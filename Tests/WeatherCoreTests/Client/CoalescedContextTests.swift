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

    /// Runs its jobs on one serial queue, marked so that code can tell it runs there.
    final class MarkedExecutor: TaskExecutor {
        static let key = DispatchSpecificKey<Bool>()
        private let queue = DispatchQueue(label: "marked-executor")
        private let jobs = Atomic<Int>(0)

        init() { queue.setSpecific(key: Self.key, value: true) }

        var jobCount: Int { jobs.load(ordering: .relaxed) }
        static var isCurrent: Bool { DispatchQueue.getSpecific(key: key) == true }

        func enqueue(_ job: consuming ExecutorJob) {
            jobs.add(1, ordering: .relaxed)
            let job = UnownedJob(job)
            queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        }
    }

    func testRefreshesRunOnTheGivenExecutorAndHitsDoNotTouchIt() async throws {
        let clock = ManualClock()
        let transport = ContextRecordingTransport(clock: clock)
        transport.script.enqueue(.any, .json(Reading.json(temp: 3)))
        let onExecutor = Mutex<[Bool]>([])
        final class Probe: HTTPTransport {
            let base: any HTTPTransport
            let seen: @Sendable (Bool) -> Void
            init(base: any HTTPTransport, seen: @escaping @Sendable (Bool) -> Void) {
                self.base = base
                self.seen = seen
            }
            func send(_ request: TransportRequest) async throws -> TransportResponse {
                seen(MarkedExecutor.isCurrent)
                return try await base.send(request)
            }
        }
        let executor = MarkedExecutor()
        let client = WeatherClient(
            transport: Probe(base: transport, seen: { value in onExecutor.withLock { $0.append(value) } }),
            cache: MemoryCacheStore(clock: clock),
            configuration: .init(retry: RetryPolicy(maxAttempts: 1), quota: .unlimited), clock: clock,
            random: .constant(0.5), refreshExecutor: executor)
        let miss = try await client.fetch(Harness.request(), as: Reading.self)
        XCTAssertEqual(miss.value.temp, 3)
        XCTAssertEqual(onExecutor.withLock { $0 }, [true], "the upstream call of the refresh ran on the executor")
        let jobsAfterMiss = executor.jobCount
        XCTAssertGreaterThan(jobsAfterMiss, 0)
        let hit = try await client.fetch(Harness.request(), as: Reading.self)
        XCTAssertEqual(hit.cacheStatus, .hit)
        XCTAssertEqual(executor.jobCount, jobsAfterMiss, "a hit starts no refresh, so nothing runs on the executor")
    }
}
