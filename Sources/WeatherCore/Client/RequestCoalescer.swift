import Tracing

/// Runs at most one operation per key at a time; callers for a key already in flight share its result.
///
/// The operation runs in a detached task owned here, not in any caller's task: one caller's
/// cancellation never cancels the fetch the others are waiting for, and the first caller's
/// priority and task-locals (a background priority, a request id in a logger's metadata) do not
/// leak into work done for everyone. Each caller waits on its own continuation (``SharedFlight``),
/// so a cancelled caller stops waiting at once.
///
/// One task-local does cross: the first caller's trace context (`InstrumentationContext`), so the
/// refresh's spans (the lock, the upstream attempts, the store) are children of the lookup that
/// started it, as OpenTelemetry expects of work done on someone's behalf. It is a no-op while no
/// tracer is bootstrapped.
actor RequestCoalescer<Value: Sendable> {
    private struct InFlight {
        var id: Int
        var task: Task<Void, Never>
        var flight: SharedFlight<Value>
    }

    private var inFlight: [CacheKey: InFlight] = [:]
    private var nextID = 0
    /// Where the operations prefer to run (`nil`: the global executor).
    private let executor: (any TaskExecutor)?

    /// A coalescer whose operations run on `executor` when one is given.
    init(executor: (any TaskExecutor)? = nil) {
        self.executor = executor
    }

    /// Joins the operation in flight for `key`, or starts `operation`; returns the flight to wait on.
    func flight(for key: CacheKey, _ operation: @escaping @Sendable () async throws -> Value) -> SharedFlight<Value> {
        if let running = inFlight[key] { return running.flight }
        nextID += 1
        let id = nextID
        let flight = SharedFlight<Value>()
        let trace = InstrumentationContext.current
        let task = Task.detached(executorPreference: executor) {
            let result: Result<Value, any Error>
            do {
                result = .success(try await InstrumentationContext.$current.withValue(trace) { try await operation() })
            } catch {
                result = .failure(error)
            }
            await self.finish(key, id)
            flight.complete(result)
        }
        inFlight[key] = InFlight(id: id, task: task, flight: flight)
        return flight
    }

    /// How many callers wait on the operation in flight for `key` (0 when none is).
    func waiting(for key: CacheKey) -> Int { inFlight[key]?.flight.waiting ?? 0 }

    /// Waits until nothing is in flight (bounded: gives up after 1,000 rounds of new work).
    func drain() async {
        for _ in 0..<1_000 {
            guard let running = inFlight.values.first else { return }
            await running.task.value
        }
    }

    private func finish(_ key: CacheKey, _ id: Int) {
        if inFlight[key]?.id == id { inFlight[key] = nil }
    }
}
