/// Where the service's Swift concurrency work runs (`CONCURRENCY_EXECUTOR`).
///
/// Hummingbird 2 runs each connection as a task: without help, every request crosses from NIO's
/// event loop to Swift's cooperative pool and back at least twice (one thread hop each way).
/// With ``eventLoops`` NIO's event loops become Swift's global executor, so a request stays on the
/// thread its connection lives on. Nothing the service runs blocks a thread: curl and Redis do
/// their I/O on their own threads and hand results back through continuations.
public enum ConcurrencyExecutor: String, Sendable, CaseIterable {
    /// NIO's event loops are the global executor (the default): no thread hop per request.
    case eventLoops = "event-loops"
    /// Swift's own cooperative pool, as in any Swift program.
    case cooperative

    /// The choice `CONCURRENCY_EXECUTOR` makes in `environment` (``eventLoops`` when unset or unknown:
    /// ``ServiceConfiguration/init(environment:)`` reports an unknown value before the port is bound).
    public static func chosen(in environment: [String: String]) -> ConcurrencyExecutor {
        environment["CONCURRENCY_EXECUTOR"].flatMap { ConcurrencyExecutor(rawValue: $0.lowercased()) } ?? .eventLoops
    }
}
