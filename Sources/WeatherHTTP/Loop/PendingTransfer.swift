import Synchronization
import WeatherCore

/// One `send` call: its request and its continuation, which is resumed exactly once — by the
/// curl thread with the result, or by the cancellation handler with `CancellationError`.
final class PendingTransfer: Sendable {
    private enum Phase {
        case created
        case waiting(CheckedContinuation<CurlRawResponse, any Error>)
        case finished
    }

    /// The request to perform.
    let request: TransportRequest
    private let phase = Mutex(Phase.created)

    init(request: TransportRequest) { self.request = request }

    /// Stores the continuation; returns `false` (having resumed it with `CancellationError`) when
    /// the task was cancelled before, in which case the transfer must not be submitted.
    func install(_ continuation: CheckedContinuation<CurlRawResponse, any Error>) -> Bool {
        phase.withLock { phase in
            guard case .created = phase else {
                continuation.resume(throwing: CancellationError())
                return false
            }
            phase = .waiting(continuation)
            return true
        }
    }

    /// Resumes the caller with `CancellationError`; returns `true` when the transfer may be on
    /// the curl thread and must be removed there.
    func cancel() -> Bool {
        phase.withLock { phase in
            switch phase {
            case .created:
                phase = .finished
                return false
            case .waiting(let continuation):
                phase = .finished
                // Resuming only schedules the task: cheap enough to do under the lock.
                continuation.resume(throwing: CancellationError())
                return true
            case .finished:
                return false
            }
        }
    }

    /// Resumes the caller with `result`, unless it was cancelled already.
    func finish(_ result: Result<CurlRawResponse, any Error>) {
        let waiting = phase.withLock { phase -> CheckedContinuation<CurlRawResponse, any Error>? in
            guard case .waiting(let continuation) = phase else { return nil }
            phase = .finished
            return continuation
        }
        waiting?.resume(with: result)
    }

    /// Whether the caller has been resumed (cancelled or completed).
    var isFinished: Bool {
        phase.withLock { phase in
            if case .finished = phase { return true }
            return false
        }
    }
}
