import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherCache

/// A quota store whose Redis store was shut down (the end of a service's shutdown) reports
/// cancellation, not unreachability: no fallback switch, no "Redis is unreachable" line.
/// Hermetic: nothing listens on 127.0.0.1:1, so no Redis is needed.
final class RedisQuotaShutdownTests: XCTestCase {
    private let policy = QuotaPolicy(callsPerMinute: 60)

    private func quota(_ store: RedisCacheStore) -> RedisQuotaStore {
        RedisQuotaStore(store: store, apiKey: APIKey("k-0123456789abcdef0123456789abcdef"), policy: policy)
    }

    func testAShutDownStoreCancelsInsteadOfFallingBack() async throws {
        let store = RedisCacheStore(configuration: .init(port: 1, connectTimeout: .milliseconds(100)))
        await store.shutdown()
        do {
            _ = try await quota(store).acquire(.current)
            XCTFail("a shut-down store grants nothing")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }

        let events = RecordingObserver()
        let fallback = FallbackQuotaStore(shared: quota(store), policy: policy, replicas: 2, observer: events)
        do {
            _ = try await fallback.acquire(.current)
            XCTFail("cancelled, not answered from the local budget")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertTrue(events.events(.quotaFallback).isEmpty, "\(events.events(.quotaFallback))")
        XCTAssertFalse(fallback.isUsingLocalBudget)
    }

    func testAnUnreachableStoreStillFallsBack() async throws {
        let store = RedisCacheStore(configuration: .init(port: 1, connectTimeout: .milliseconds(100)))
        let events = RecordingObserver()
        let fallback = FallbackQuotaStore(shared: quota(store), policy: policy, replicas: 2, observer: events)
        let decision = try await fallback.acquire(.current)
        await store.shutdown()
        guard case .granted = decision else { return XCTFail("\(decision)") }
        XCTAssertEqual(events.events(.quotaFallback).map(\.quotaFallbackActive), [true])
        XCTAssertTrue(fallback.isUsingLocalBudget)
    }
}
