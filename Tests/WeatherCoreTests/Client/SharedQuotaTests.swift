import Foundation
import HTTPTypes
import WeatherCore
import WeatherTesting
import XCTest

/// Two clients (two replicas) on one quota store: one budget, one 429 cooldown.
final class SharedQuotaTests: XCTestCase {
    private struct Replica {
        let transport: ScriptedTransport
        let client: WeatherClient
    }

    private func replicas(_ quota: any QuotaStore, clock: ManualClock) -> [Replica] {
        (0..<2).map { _ in
            let transport = ScriptedTransport(clock: clock)
            let client = WeatherClient(
                transport: transport, cache: MemoryCacheStore(clock: clock),
                configuration: .init(retry: RetryPolicy(maxAttempts: 1), quota: .unlimited), clock: clock,
                random: .constant(0.5), quota: quota)
            return Replica(transport: transport, client: client)
        }
    }

    func testOneBudgetForBothReplicas() async throws {
        let clock = ManualClock()
        let replicas = replicas(QuotaGovernor(policy: QuotaPolicy(callsPerMinute: 10), clock: clock), clock: clock)
        for replica in replicas { replica.transport.always(.any, .json(Reading.json(temp: 1))) }
        var refused: [WeatherError] = []
        for i in 0..<30 {
            do {
                _ = try await replicas[i % 2].client.fetch(Harness.request("city-\(i)"), as: Reading.self)
            } catch let error as WeatherError {
                refused.append(error)
            }
        }
        XCTAssertEqual(replicas[0].transport.requestCount + replicas[1].transport.requestCount, 10)
        XCTAssertEqual(refused.count, 20)
        XCTAssertTrue(refused.allSatisfy { $0.code == .quotaExhausted && $0.retryAfter != nil })
    }

    func testA429SeenByOneReplicaPausesTheOther() async throws {
        let clock = ManualClock()
        let replicas = replicas(QuotaGovernor(policy: .unlimited, clock: clock), clock: clock)
        replicas[0].transport.enqueue(.any, .status(429, headerFields: [.retryAfter: "5"]))
        replicas[1].transport.always(.any, .json(Reading.json(temp: 1)))
        let first = await weatherError {
            _ = try await replicas[0].client.fetch(Harness.request("a"), as: Reading.self)
        }
        XCTAssertEqual(first?.code, .rateLimited)

        let second = await weatherError {
            _ = try await replicas[1].client.fetch(Harness.request("b"), as: Reading.self)
        }
        XCTAssertEqual(second?.code, .rateLimited)
        XCTAssertEqual(second?.retryAfter, .seconds(5))
        XCTAssertEqual(replicas[1].transport.requestCount, 0, "no upstream call during the other's cooldown")

        clock.advance(by: .seconds(5))
        _ = try await replicas[1].client.fetch(Harness.request("b"), as: Reading.self)
        XCTAssertEqual(replicas[1].transport.requestCount, 1)
    }

    func testAQuotaStoreThatCannotAnswerRefusesTheCall() async throws {
        let clock = ManualClock()
        let broken = InMemoryQuotaStore(policy: .unlimited, clock: clock)
        broken.breakConnection()
        let replica = replicas(broken, clock: clock)[0]
        replica.transport.always(.any, .json(Reading.json(temp: 1)))
        let error = await weatherError { _ = try await replica.client.fetch(Harness.request("x"), as: Reading.self) }
        XCTAssertEqual(error?.code, .quotaExhausted, "never unlimited")
        XCTAssertEqual(replica.transport.requestCount, 0)
    }
}
