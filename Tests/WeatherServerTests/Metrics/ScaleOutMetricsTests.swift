import Logging
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// What an operator sees of the replicas' cooperation: the quota's mode, its switches, lock waits.
final class ScaleOutMetricsTests: XCTestCase {
    func testTheQuotaGaugesShowTheLocalDividedBudgetWhileRedisIsAway() async throws {
        let metrics = ServiceMetrics()
        let logs = LogCapture()
        let observer = QuotaFallbackLogger(
            base: MetricsObserver(metrics: metrics), logger: logs.logger(), localPerMinute: 40)
        let unreachable = InMemoryQuotaStore(policy: QuotaPolicy(callsPerMinute: 120))
        unreachable.breakConnection()
        let quota = FallbackQuotaStore(
            shared: unreachable, policy: QuotaPolicy(callsPerMinute: 120), replicas: 3, observer: observer)
        let client = WeatherClient(transport: ScriptedTransport(), quota: quota)
        let dependencies = ServiceDependencies(
            client: client, clock: SystemClock(), cachePolicy: CachePolicy(), mode: .live, cacheKind: .redis,
            logger: logs.logger(), quotaFallback: quota)

        dependencies.refreshGauges(metrics)
        var text = String(decoding: metrics.exposition(), as: UTF8.self)
        XCTAssertTrue(text.contains("weather_quota_shared 1"), text)
        XCTAssertTrue(text.contains("weather_quota_per_minute_limit 120"), text)

        _ = try await quota.acquire(.current)
        observer.record(.refreshLockWait(.current, servedHolderEntry: true))
        dependencies.refreshGauges(metrics)
        text = String(decoding: metrics.exposition(), as: UTF8.self)
        for expected in [
            "weather_quota_shared 0", "weather_quota_per_minute_limit 40",
            #"weather_quota_fallback_switches_total{to="local"} 1"#,
            #"weather_refresh_lock_waits_total{family="current",outcome="served_holder_entry"} 1"#,
        ] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in\n\(text)")
        }
        let warning = logs.all.filter { $0.contains("Redis is unreachable; this replica now spends its local share") }
        XCTAssertEqual(warning.count, 1, "one line per switch: \(logs.all)")
        XCTAssertTrue(warning.first?.contains("per_minute=40") == true)
    }
}
