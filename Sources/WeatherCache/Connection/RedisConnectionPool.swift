import Synchronization
import WeatherCore

/// A fixed set of ``RedisWorker``s, picked round-robin, skipping the ones that are down.
///
/// When every connection is down, ``execute(_:)`` throws at once: Redis being away never makes
/// a caller wait.
final class RedisConnectionPool: Sendable {
    private let workers: [RedisWorker]
    private let next = Atomic<UInt>(0)
    private let commandTimeout: Duration
    private let isShutDown = Atomic<Bool>(false)

    /// Starts `configuration.poolSize` workers, each connecting in the background.
    init(configuration: RedisCacheStore.Configuration) {
        workers = (0..<max(1, configuration.poolSize)).map {
            RedisWorker(configuration: configuration, index: $0)
        }
        commandTimeout = configuration.commandTimeout
    }

    /// Sends `commands` pipelined on one connection and returns one reply per command.
    ///
    /// - Throws: ``WeatherError`` with code `cacheUnavailable` when no connection is usable, the
    ///   connection breaks, or the command timeout passes.
    func execute(_ commands: [RedisCommand]) async throws -> [RedisReply] {
        try await execute(commands, deadline: ContinuousClock.now + commandTimeout)
    }

    /// Sends `commands` unless `deadline` passes while they wait for their turn.
    func execute(_ commands: [RedisCommand], deadline: ContinuousClock.Instant) async throws -> [RedisReply] {
        try await withCheckedThrowingContinuation { continuation in
            let job = RedisJob(commands: commands, deadline: deadline, continuation: continuation)
            // A task running on a connection's own thread (it prefers that worker as its
            // executor) keeps to that connection: no thread hop either way.
            for worker in workers where worker.isCurrentThread {
                if worker.tryEnqueue(job) { return }
                break
            }
            let start = next.wrappingAdd(1, ordering: .relaxed).oldValue
            let count = UInt(workers.count)
            for offset in 0..<count where workers[Int((start &+ offset) % count)].tryEnqueue(job) {
                return
            }
            if isShutDown.load(ordering: .relaxed) {
                continuation.resume(throwing: WeatherError.redisUnavailable("The Redis cache store was shut down."))
            } else {
                continuation.resume(
                    throwing: WeatherError.redisDown(workers.lazy.compactMap(\.lastFailureMessage).first)
                )
            }
        }
    }

    /// Sends one command and returns its reply.
    func execute(_ command: RedisCommand) async throws -> RedisReply {
        try await execute([command])[0]
    }

    /// The next worker, round-robin, as an executor for tasks that want to run on a connection's thread.
    func nextExecutor() -> any TaskExecutor {
        let start = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return workers[Int(start % UInt(workers.count))]
    }

    /// How many connections are connected right now.
    var healthyConnections: Int {
        workers.reduce(0) { $0 + ($1.currentHealth == .healthy ? 1 : 0) }
    }

    /// The number of connections.
    var size: Int { workers.count }

    /// Asks every worker thread to stop and close its connection; returns without waiting for them.
    func shutdown() {
        isShutDown.store(true, ordering: .relaxed)
        for worker in workers { worker.stop() }
    }

    /// Stops every worker thread and returns once each has closed its connection and ended.
    func shutdownAndWait() async {
        shutdown()
        for worker in workers { await worker.waitForExit() }
    }

    /// Whether ``shutdown()`` has been called.
    var isShutDownRequested: Bool { isShutDown.load(ordering: .relaxed) }
}
