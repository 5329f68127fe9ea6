import Foundation
import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

final class ManualClockTests: XCTestCase {
    func testAdvanceResumesOnlyDueSleepersInDeadlineOrder() async throws {
        let clock = ManualClock()
        let order = OrderLog()
        let late = Task {
            try await clock.sleep(for: .seconds(10))
            order.append("late")
        }
        let early = Task {
            try await clock.sleep(for: .seconds(5))
            order.append("early")
        }
        try await clock.waitForSleepers(2)
        clock.advance(by: .seconds(4))
        XCTAssertEqual(clock.sleeperCount, 2)
        clock.advance(by: .seconds(1))
        try await early.value
        XCTAssertEqual(order.items, ["early"])
        XCTAssertEqual(clock.sleeperCount, 1)
        clock.advance(by: .seconds(5))
        try await late.value
        XCTAssertEqual(order.items, ["early", "late"])
    }

    func testNowMovesOnlyWhenAdvanced() {
        let clock = ManualClock(start: Date(timeIntervalSince1970: 1000))
        XCTAssertEqual(clock.now, Date(timeIntervalSince1970: 1000))
        clock.advance(by: .milliseconds(1500))
        XCTAssertEqual(clock.now, Date(timeIntervalSince1970: 1001.5))
        clock.advance(to: Date(timeIntervalSince1970: 900))  // never backwards
        XCTAssertEqual(clock.now, Date(timeIntervalSince1970: 1001.5))
    }

    func testZeroSleepReturnsAtOnce() async throws {
        let clock = ManualClock()
        try await clock.sleep(for: .zero)
        XCTAssertEqual(clock.totalSleepCount, 0)
    }

    func testCancellationWakesSleeperWithCancellationError() async throws {
        let clock = ManualClock()
        let task = Task { try await clock.sleep(for: .seconds(60)) }
        try await clock.waitForSleepers(1)
        task.cancel()
        do {
            try await task.value
            XCTFail("expected CancellationError")
        } catch is CancellationError {}
        XCTAssertEqual(clock.sleeperCount, 0)
    }

    func testSteppingTheWallClockMovesNeitherUptimeNorSleepers() async throws {
        let clock = ManualClock()
        let start = clock.now
        let task = Task { try await clock.sleep(for: .seconds(10)) }
        try await clock.waitForSleepers(1)
        clock.stepWallClock(by: -3600)
        XCTAssertEqual(clock.now, start.addingTimeInterval(-3600))
        XCTAssertEqual(clock.uptime, .zero)
        XCTAssertEqual(clock.sleeperCount, 1, "a step back neither wakes nor delays a sleeper")
        clock.advance(by: .seconds(10))  // ten seconds of uptime pass: the sleeper wakes
        try await task.value
        XCTAssertEqual(clock.uptime, .seconds(10))
        XCTAssertEqual(clock.now, start.addingTimeInterval(-3600 + 10))
    }

    func testWaitForSleepersTimesOutWithClearError() async {
        let clock = ManualClock()
        do {
            try await clock.waitForSleepers(1, timeout: .milliseconds(50))
            XCTFail("expected a timeout")
        } catch let error as ManualClockError {
            XCTAssertEqual(error, .timedOut(expected: 1, sleeping: 0))
            XCTAssertTrue(error.description.contains("expected 1 sleeper"))
        } catch {
            XCTFail("unexpected \(error)")
        }
    }
}

/// A thread-safe list for ordering assertions.
final class OrderLog: Sendable {
    private let storage = Mutex<[String]>([])

    func append(_ item: String) { storage.withLock { $0.append(item) } }

    var items: [String] { storage.withLock { $0 } }
}
