import Foundation
import Synchronization
import WeatherCore

/// One pooled connection and the dedicated thread that runs its blocking hiredis calls.
///
/// Callers hand it ``RedisJob``s from any task; the thread sends every job queued so far as one
/// pipeline (so concurrent callers on one connection share round trips), resumes the callers'
/// continuations and sleeps on a condition variable when idle. When the connection breaks, the
/// worker marks itself down at once — the pool then stops routing to it and callers fail fast —
/// and reconnects on the same thread with exponential backoff.
///
/// The worker is also a `TaskExecutor`: a task that prefers it runs on the connection's own
/// thread, between batches, like code on an event loop. Its Redis calls then cost no thread
/// hop at all (the pool routes them to this worker, and the continuation resumes right here).
///
/// Safety of `@unchecked Sendable`: every mutable stored property (`queue`, `tasks`, `health`,
/// `lastFailure`, `hasExited`, `exitWaiters`) is read and written only while `condition` is locked; `threadID` is atomic;
/// the `RedisConnection` (the hiredis pointer) lives in `run()`'s frame on the worker thread
/// and is never shared.
final class RedisWorker: TaskExecutor, @unchecked Sendable {
    /// Where the connection stands.
    enum Health: Sendable, Equatable {
        /// The first connect is in progress: jobs queue up and wait for it (bounded by the connect timeout).
        case starting
        /// Connected: jobs are accepted.
        case healthy
        /// Disconnected, reconnecting in the background: jobs are refused at once.
        case down
        /// Shut down for good.
        case stopped
    }

    private let configuration: RedisCacheStore.Configuration
    private let condition = NSCondition()
    private var queue: [RedisJob] = []
    private var tasks: [UnownedJob] = []
    private var health: Health = .starting
    private var lastFailure: String?
    /// Set by the thread once it has closed the connection and is about to end.
    private var hasExited = false
    /// Callers of ``waitForExit()`` waiting for the thread to end.
    private var exitWaiters: [CheckedContinuation<Void, Never>] = []
    private let threadID = Atomic<UInt>(0)

    /// Creates the worker and starts its thread, which connects right away.
    init(configuration: RedisCacheStore.Configuration, index: Int) {
        self.configuration = configuration
        let thread = Thread { [self] in self.run() }
        thread.name = "redis-connection-\(index)"
        thread.start()
    }

    /// The current health.
    var currentHealth: Health {
        condition.lock()
        defer { condition.unlock() }
        return health
    }

    /// Why the connection last failed, for error messages.
    var lastFailureMessage: String? {
        condition.lock()
        defer { condition.unlock() }
        return lastFailure
    }

    /// Whether the caller is running on this worker's thread (a task that prefers this executor).
    var isCurrentThread: Bool {
        threadID.load(ordering: .relaxed) == Self.currentThreadID()
    }

    /// Queues `job` unless the connection is down; returns whether it was accepted.
    func tryEnqueue(_ job: RedisJob) -> Bool {
        condition.lock()
        switch health {
        case .healthy, .starting:
            queue.append(job)
            condition.unlock()
            // Signalled after unlocking, so the woken thread does not block again on the mutex.
            // No wake-up is lost: the thread checks its queues under the lock before waiting.
            condition.signal()
            return true
        case .down, .stopped:
            condition.unlock()
            return false
        }
    }

    /// Runs `job` on this worker's thread, or on the global executor once the worker is stopped.
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        guard health != .stopped else {
            condition.unlock()
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
            return
        }
        tasks.append(job)
        condition.unlock()
        condition.signal()
    }

    /// Stops the thread; queued jobs fail. The thread closes the connection on its way out.
    func stop() {
        condition.lock()
        health = .stopped
        condition.unlock()
        condition.broadcast()
    }

    /// Returns once the thread has closed its connection and ended (at once if it has). A thread
    /// stopped while connecting ends when that attempt does, within the connect timeout.
    func waitForExit() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            guard !hasExited else {
                condition.unlock()
                continuation.resume()
                return
            }
            exitWaiters.append(continuation)
            condition.unlock()
        }
    }

    // MARK: - The worker thread

    private func run() {
        threadID.store(Self.currentThreadID(), ordering: .relaxed)
        let connection = RedisConnection(endpoint: configuration)
        var backoff = configuration.reconnectBackoff
        var batch: [RedisJob] = []
        var runnable: [UnownedJob] = []
        while true {
            if !connection.isOpen {
                do throws(RedisConnectionFailure) {
                    try connection.connect()
                    guard transition(to: .healthy, failure: nil) else { break }
                    backoff = configuration.reconnectBackoff
                } catch {
                    guard transition(to: .down, failure: error.message) else { break }
                    guard sleepUnlessStopped(for: backoff, runnable: &runnable) else { break }
                    backoff = min(backoff * 2, configuration.maximumReconnectBackoff)
                    continue
                }
            }
            condition.lock()
            while queue.isEmpty && tasks.isEmpty && health != .stopped {
                condition.wait()
            }
            if health == .stopped {
                condition.unlock()
                break
            }
            swap(&runnable, &tasks)
            if runnable.isEmpty { swap(&batch, &queue) }
            condition.unlock()
            if !runnable.isEmpty {
                // Run the tasks first, then take the queue: the commands they issue join this batch.
                runTasks(&runnable)
                condition.lock()
                swap(&batch, &queue)
                condition.unlock()
            }
            if !batch.isEmpty {
                execute(batch, on: connection)
                batch.removeAll(keepingCapacity: true)
            }
        }
        connection.close()
        condition.lock()
        let leftovers = queue
        queue = []
        let leftoverTasks = tasks
        tasks = []
        hasExited = true
        let waiters = exitWaiters
        exitWaiters = []
        condition.unlock()
        for job in leftovers {
            job.continuation.resume(throwing: WeatherError.redisUnavailable("The Redis cache store was shut down."))
        }
        for task in leftoverTasks {
            globalConcurrentExecutor.enqueue(ExecutorJob(task))
        }
        for waiter in waiters { waiter.resume() }
    }

    private func runTasks(_ runnable: inout [UnownedJob]) {
        let executor = asUnownedTaskExecutor()
        for task in runnable {
            task.runSynchronously(on: executor)
        }
        runnable.removeAll(keepingCapacity: true)
    }

    private static func currentThreadID() -> UInt {
        #if canImport(Darwin)
            UInt(bitPattern: pthread_self())
        #else
            UInt(pthread_self())
        #endif
    }

    /// Moves to `health` unless stopped; when going down, fails every queued job. Returns false once stopped.
    private func transition(to newHealth: Health, failure: String?) -> Bool {
        condition.lock()
        guard health != .stopped else {
            condition.unlock()
            return false
        }
        health = newHealth
        var failed: [RedisJob] = []
        if let failure {
            lastFailure = failure
            if newHealth == .down { swap(&failed, &queue) }
        }
        condition.unlock()
        for job in failed {
            job.continuation.resume(throwing: WeatherError.redisDown(failure))
        }
        return true
    }

    /// Waits `duration` on the condition (so that `stop()` interrupts it), still running the
    /// tasks that prefer this executor; false when stopped.
    private func sleepUnlessStopped(for duration: Duration, runnable: inout [UnownedJob]) -> Bool {
        let until = Date().addingTimeInterval(duration.seconds)
        condition.lock()
        while health != .stopped {
            if !tasks.isEmpty {
                swap(&runnable, &tasks)
                condition.unlock()
                runTasks(&runnable)
                condition.lock()
                continue
            }
            if !condition.wait(until: until) { break }
        }
        let stopped = health == .stopped
        condition.unlock()
        return !stopped
    }

    /// Sends the live jobs of `batch` as one pipeline and resumes every caller.
    ///
    /// A job whose caller's deadline has passed fails on its own, unsent. The others go out
    /// together with the full command timeout: the batch's timeout is not cut to the job with the
    /// least time left, which would fail every fresh job in the pipeline (and drop the connection)
    /// because one of them had waited long in the queue.
    private func execute(_ batch: [RedisJob], on connection: RedisConnection) {
        let now = ContinuousClock.now
        var live = batch
        live.removeAll { job in
            guard job.deadline <= now else { return false }
            job.continuation.resume(throwing: WeatherError.redisTimeout(configuration.commandTimeout))
            return true
        }
        guard !live.isEmpty else { return }
        do throws(RedisConnectionFailure) {
            try connection.setTimeout(milliseconds: configuration.commandTimeout.roundedUpMilliseconds)
            if live.count == 1 {
                live[0].continuation.resume(returning: try connection.execute(live[0].commands))
                return
            }
            let replies = try connection.execute(live.flatMap(\.commands))
            var start = 0
            for job in live {
                let end = start + job.commands.count
                job.continuation.resume(returning: Array(replies[start..<end]))
                start = end
            }
        } catch {
            let timedOut = error.message.contains("timed out")
            for job in live {
                job.continuation.resume(
                    throwing: timedOut
                        ? WeatherError.redisTimeout(configuration.commandTimeout)
                        : WeatherError.redisDown(error.message)
                )
            }
            _ = transition(to: .down, failure: error.message)
        }
    }
}

/// A batch of commands waiting for a ``RedisWorker`` thread, and the task waiting for its replies.
struct RedisJob: Sendable {
    /// The commands, sent pipelined in order.
    var commands: [RedisCommand]
    /// After this instant the caller no longer wants an answer: the job fails with a timeout.
    var deadline: ContinuousClock.Instant
    /// Resumed exactly once, on the worker thread, with one reply per command or an error.
    var continuation: CheckedContinuation<[RedisReply], any Error>
}
