/// A batch of commands waiting for a ``RedisWorker`` thread, and the task waiting for its replies.
struct RedisJob: Sendable {
    /// The commands, sent pipelined in order.
    var commands: [RedisCommand]
    /// After this instant the caller no longer wants an answer: the job fails with a timeout.
    var deadline: ContinuousClock.Instant
    /// Resumed exactly once, on the worker thread, with one reply per command or an error.
    var continuation: CheckedContinuation<[RedisReply], any Error>
}
