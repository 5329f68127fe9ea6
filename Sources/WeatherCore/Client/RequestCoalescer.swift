/// Runs at most one operation per key at a time; callers for a key already in flight share its result.
///
/// The operation runs in an unstructured task owned here, not in any caller's task, so one
/// caller's cancellation never cancels the fetch the others are waiting for.
actor RequestCoalescer<Value: Sendable> {
    private var inFlight: [CacheKey: (id: Int, task: Task<Value, any Error>)] = [:]
    private var nextID = 0

    /// Joins the operation in flight for `key`, or starts `operation`; returns its task.
    func task(for key: CacheKey, _ operation: @escaping @Sendable () async throws -> Value) -> Task<Value, any Error> {
        if let running = inFlight[key] { return running.task }
        nextID += 1
        let id = nextID
        let task = Task<Value, any Error> {
            do {
                let value = try await operation()
                self.finish(key, id)
                return value
            } catch {
                self.finish(key, id)
                throw error
            }
        }
        inFlight[key] = (id, task)
        return task
    }

    /// Whether an operation for `key` is in flight.
    func isRunning(_ key: CacheKey) -> Bool { inFlight[key] != nil }

    /// Waits until nothing is in flight (bounded: gives up after 1,000 rounds of new work).
    func drain() async {
        for _ in 0..<1_000 {
            guard let running = inFlight.values.first else { return }
            _ = await running.task.result
        }
    }

    private func finish(_ key: CacheKey, _ id: Int) {
        if inFlight[key]?.id == id { inFlight[key] = nil }
    }
}
