import Foundation
import WeatherCache
import WeatherCore
import XCTest

/// The pool's threads go away with the store: a service that recreates stores does not leak threads.
final class RedisLifecycleTests: XCTestCase {
    private func threadCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) ?? 0
    }

    func testDroppingStoresStopsTheirThreads() async throws {
        guard FileManager.default.fileExists(atPath: "/proc/self/task") else { throw XCTSkip("needs /proc") }
        let port = try RedisServerProcess.freePort()  // nothing listens: the threads keep reconnecting
        let before = threadCount()
        do {
            var stores: [RedisCacheStore] = []
            for _ in 0..<5 {
                stores.append(RedisCacheStore(configuration: .init(port: port, poolSize: 4)))
            }
            XCTAssertGreaterThanOrEqual(threadCount(), before + 20)
            _ = stores.count
        }
        var after = threadCount()
        for _ in 0..<100 where after > before + 4 {  // bounded: ~2 s for the threads to exit
            try await Task.sleep(for: .milliseconds(20))
            after = threadCount()
        }
        XCTAssertLessThanOrEqual(after, before + 4, "threads before \(before), after \(after)")
    }
}
