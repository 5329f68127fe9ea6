import Synchronization

/// The result of one coalesced operation, awaited by any number of callers.
///
/// Each caller waits on its own continuation, so a caller whose task is cancelled stops waiting at
/// once (with `CancellationError`) while the operation goes on for the others.
final class SharedFlight<Value: Sendable>: Sendable {
    private struct State {
        var result: Result<Value, any Error>?
        var waiters: [Int: CheckedContinuation<Value, any Error>] = [:]
        var cancelledBeforeWaiting: Set<Int> = []
        var nextID = 0
    }

    private let state = Mutex(State())

    /// Delivers `result` to every waiter, and to every later one.
    func complete(_ result: Result<Value, any Error>) {
        let waiters = state.withLock { s in
            s.result = result
            defer { s.waiters.removeAll() }
            return Array(s.waiters.values)
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    /// How many callers are waiting for the result now.
    var waiting: Int { state.withLock { $0.waiters.count } }

    /// Waits for the result, or until the calling task is cancelled.
    func wait() async throws -> Value {
        let id = state.withLock { s in
            s.nextID += 1
            return s.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                let immediate: Result<Value, any Error>? = state.withLock { s in
                    if let result = s.result { return result }
                    if s.cancelledBeforeWaiting.remove(id) != nil { return .failure(CancellationError()) }
                    s.waiters[id] = continuation
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { s -> CheckedContinuation<Value, any Error>? in
                if let waiter = s.waiters.removeValue(forKey: id) { return waiter }
                if s.result == nil { s.cancelledBeforeWaiting.insert(id) }
                return nil
            }
            waiter?.resume(throwing: CancellationError())
        }
    }
}
