import Foundation
import HTTPTypes
import HummingbirdTesting
import WeatherCore
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// `X-Forwarded-For` while `TRUSTED_PROXY_HOPS` is 0: one warning per process naming the setting,
/// the header still ignored.
final class UntrustedForwardingTests: XCTestCase {
    private static func warnings(_ logs: LogCapture) -> [String] {
        logs.all.filter { $0.contains(" warning ") && $0.contains("TRUSTED_PROXY_HOPS") }
    }

    func testForwardedLookupsWithNoTrustedProxyWarnOnceAndStillShareTheConnectionsBucket() async throws {
        try await ServiceHarness.run(clientLimit: ClientLimit(ratePerSecond: 0.1, burst: 3)) { harness, client in
            let plain = try await client.execute(uri: "/v1/weather/current?city=Plain", method: .get)
            XCTAssertEqual(plain.status, .ok)
            XCTAssertTrue(Self.warnings(harness.logs).isEmpty, "no header, no warning")

            for (n, address) in ["203.0.113.1", "203.0.113.2"].enumerated() {
                let response = try await client.execute(
                    uri: "/v1/weather/current?city=Forwarded\(n)", method: .get,
                    headers: ClientLimitRouteTests.from(address))
                XCTAssertEqual(response.status, .ok)
            }
            // The header is still ignored: a third "client" shares the connection's bucket, now empty.
            let refused = try await client.execute(
                uri: "/v1/weather/current?city=Forwarded2", method: .get,
                headers: ClientLimitRouteTests.from("203.0.113.3"))
            XCTAssertEqual(refused.status, .tooManyRequests)

            let warnings = Self.warnings(harness.logs)
            XCTAssertEqual(warnings.count, 1, harness.logs.all.joined(separator: "\n"))
            XCTAssertTrue(warnings.first?.contains("X-Forwarded-For") == true)
        }
    }

    func testNoWarningWhenTheProxiesAreTrustedOrTheLimitIsOff() async throws {
        try await ServiceHarness.run(clientLimit: ClientLimitRouteTests.limit) { harness, client in
            _ = try await client.execute(
                uri: "/v1/weather/current?city=Trusted", method: .get, headers: ClientLimitRouteTests.from("203.0.113.1"))
            XCTAssertTrue(Self.warnings(harness.logs).isEmpty, harness.logs.all.joined(separator: "\n"))
        }
        try await ServiceHarness.run(clientLimit: .off) { harness, client in
            _ = try await client.execute(
                uri: "/v1/weather/current?city=Unlimited", method: .get,
                headers: ClientLimitRouteTests.from("203.0.113.1"))
            XCTAssertTrue(Self.warnings(harness.logs).isEmpty, harness.logs.all.joined(separator: "\n"))
        }
    }

    func testTheNoticeWarnsOnceEvenWhenAskedConcurrently() async {
        let logs = LogCapture()
        let notice = UntrustedForwardingNotice(logger: logs.logger())
        notice.check(trustedHops: 0, hasForwardedFor: false)
        notice.check(trustedHops: 2, hasForwardedFor: true)
        XCTAssertTrue(Self.warnings(logs).isEmpty)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<50 { group.addTask { notice.check(trustedHops: 0, hasForwardedFor: true) } }
        }
        XCTAssertEqual(Self.warnings(logs).count, 1, logs.all.joined(separator: "\n"))
    }
}
