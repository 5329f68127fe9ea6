public import Foundation
import Synchronization
public import WeatherCore

/// A ``/WeatherCore/WeatherClock`` that moves only when a test says so.
///
/// `sleep(for:)` suspends until ``advance(by:)`` moves the time past the sleeper's deadline;
/// sleepers are resumed in deadline order. ``advance(by:)`` moves both readings, wall time and
/// ``uptime``; ``stepWallClock(by:)`` moves only the wall clock, either way, as NTP or an operator
/// can — sleepers wake on uptime, so a step never wakes or delays them. To avoid racing a task
/// that has not started sleeping yet, wait for it with ``waitForSleepers(_:timeout:)`` before advancing.
///
/// ```swift
/// let clock = ManualClock()
/// let task = Task { try await clock.sleep(for: .seconds(5)) }
/// try await clock.waitForSleepers(1)
/// clock.advance(by: .seconds(5))   // `task` resumes
/// ```
public final class ManualClock: WeatherClock {
    private struct Sleeper {
        var deadline: Date
        var uptimeDeadline: Duration
        var order: Int
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct CountWaiter {
        var count: Int
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var now: Date
        var uptime: Duration = .zero
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
        var cancelledBeforeRegistration: Set<Int> = []
        var countWaiters: [Int: CountWaiter] = [:]
        var totalSleeps = 0
    }

    private let state: Mutex<State>

    /// Creates a clock showing `start` (by default 2026-01-01T00:00:00Z, a round, fixed instant).
    public init(start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {
        state = Mutex(State(now: start))
    }

    /// The clock's current time.
    public var now: Date { state.withLock { $0.now } }

    /// Time advanced since the clock was created; ``stepWallClock(by:)`` does not change it.
    public var uptime: Duration { state.withLock { $0.uptime } }

    /// The number of tasks currently sleeping on this clock.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// How many sleeps have started since the clock was created (finished ones included).
    public var totalSleepCount: Int { state.withLock { $0.totalSleeps } }

    /// The deadlines of the current sleepers, earliest first.
    public var sleeperDeadlines: [Date] { state.withLock { $0.sleepers.values.map(\.deadline).sorted() } }

    /// Steps the wall clock (``now``) by `seconds`, backwards when negative, without moving ``uptime``
    /// or waking anyone: what NTP or an operator does to a real clock.
    public func stepWallClock(by seconds: TimeInterval) {
        state.withLock { s in
            s.now = s.now.addingTimeInterval(seconds)
            for id in s.sleepers.keys { s.sleepers[id]?.deadline.addTimeInterval(seconds) }
        }
    }

    /// Suspends until the clock has been advanced by `duration`; returns at once for a non-positive one.
    ///
    /// - Throws: `CancellationError` when the task is cancelled, before or while sleeping.
    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        guard duration > .zero else { return }
        let id = state.withLock { s -> Int in
            s.nextID += 1
            return s.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready: [CheckedContinuation<Bool, Never>]? = state.withLock { s in
                    if s.cancelledBeforeRegistration.remove(id) != nil { return nil }
                    let deadline = s.now.addingTimeInterval(duration.seconds)
                    s.sleepers[id] = Sleeper(
                        deadline: deadline, uptimeDeadline: s.uptime + duration, order: id,
                        continuation: continuation)
                    s.totalSleeps += 1
                    return Self.takeSatisfiedWaiters(&s)
                }
                guard let ready else { return continuation.resume(throwing: CancellationError()) }
                for waiter in ready { waiter.resume(returning: true) }
            }
        } onCancel: {
            let sleeper: Sleeper? = state.withLock { s in
                if let sleeper = s.sleepers.removeValue(forKey: id) { return sleeper }
                s.cancelledBeforeRegistration.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the time forward by `duration` and resumes, in deadline order, every sleeper whose deadline has passed.
    public func advance(by duration: Duration) {
        let due: [Sleeper] = state.withLock { s in
            s.now = s.now.addingTimeInterval(duration.seconds)
            s.uptime += max(duration, .zero)
            let uptime = s.uptime
            let due = s.sleepers.values.filter { $0.uptimeDeadline <= uptime }
            for sleeper in due { s.sleepers[sleeper.order] = nil }
            return due.sorted { ($0.uptimeDeadline, $0.order) < ($1.uptimeDeadline, $1.order) }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Moves the time to `date` (never backwards) and resumes the sleepers that are due.
    public func advance(to date: Date) {
        let delta = date.timeIntervalSince(now)
        if delta > 0 { advance(by: .milliseconds(Int64((delta * 1000).rounded()))) }
    }

    /// Waits, without moving the clock, until at least `count` tasks are sleeping on it.
    ///
    /// - Parameter count: how many sleepers to wait for.
    /// - Parameter timeout: real time allowed before giving up, 5 s by default: a safety bound so
    ///   that a broken test fails instead of hanging.
    /// - Throws: ``ManualClockError/timedOut(expected:sleeping:)`` when the sleepers did not appear in time.
    public func waitForSleepers(_ count: Int, timeout: Duration = .seconds(5)) async throws {
        let id = state.withLock { s -> Int in
            s.nextID += 1
            return s.nextID
        }
        let arrived = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let immediate = state.withLock { s -> Bool in
                if s.sleepers.count >= count { return true }
                s.countWaiters[id] = CountWaiter(count: count, continuation: continuation)
                return false
            }
            if immediate {
                continuation.resume(returning: true)
                return
            }
            Task { [self] in
                try? await Task.sleep(for: timeout)  // a real-time bound only; never used to wait for test time
                let waiter = self.state.withLock { $0.countWaiters.removeValue(forKey: id) }
                waiter?.continuation.resume(returning: false)
            }
        }
        if !arrived { throw ManualClockError.timedOut(expected: count, sleeping: sleeperCount) }
    }

    private static func takeSatisfiedWaiters(_ s: inout State) -> [CheckedContinuation<Bool, Never>] {
        let satisfied = s.countWaiters.filter { $0.value.count <= s.sleepers.count }
        for id in satisfied.keys { s.countWaiters[id] = nil }
        return satisfied.values.map(\.continuation)
    }
}

/// Failures of ``ManualClock``'s test helpers.
public enum ManualClockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ``ManualClock/waitForSleepers(_:timeout:)`` gave up: fewer tasks than expected were sleeping.
    case timedOut(expected: Int, sleeping: Int)

    /// What happened and what to check.
    public var description: String {
        switch self {
        case .timedOut(let expected, let sleeping):
            return "ManualClock: expected \(expected) sleeper(s), found \(sleeping); is the code under test sleeping "
                + "on this clock, or already finished?"
        }
    }
}
