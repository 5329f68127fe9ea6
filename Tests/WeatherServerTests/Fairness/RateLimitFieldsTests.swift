import Foundation
import HTTPTypes
import HummingbirdTesting
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The draft `RateLimit-Policy` and `RateLimit` fields: the client's own limit, counting down with
/// each lookup that goes upstream, whole again after the refill.
final class RateLimitFieldsTests: XCTestCase {
    func testTheFieldsCountDownWithMissesAndResetAfterTheRefill() async throws {
        try await ServiceHarness.run(clientLimit: ClientLimitRouteTests.limit) { harness, client in
            let me = ClientLimitRouteTests.from("203.0.113.20")
            var seen: [String?] = []
            for n in 0..<3 {
                let response = try await client.execute(
                    uri: "/v1/weather/current?city=Count\(n)", method: .get, headers: me)
                XCTAssertEqual(response.status, .ok, response.text)
                XCTAssertEqual(response.headers[.rateLimitPolicy], #""uncached";q=3;w=30"#)
                seen.append(response.headers[.rateLimit])
            }
            XCTAssertEqual(
                seen, [#""uncached";r=2;t=10"#, #""uncached";r=1;t=20"#, #""uncached";r=0;t=30"#])

            let refused = try await client.execute(uri: "/v1/weather/current?city=Count3", method: .get, headers: me)
            XCTAssertEqual(refused.status, .tooManyRequests)
            XCTAssertEqual(refused.headers[.retryAfter], "10", "Retry-After stays on 429s")
            XCTAssertEqual(refused.headers[.rateLimit], #""uncached";r=0;t=30"#)
            XCTAssertEqual(refused.headers[.rateLimitPolicy], #""uncached";q=3;w=30"#)

            // A differently spelled repeat is answered past the fast path from the near-cache: no token.
            let hit = try await client.execute(
                uri: "/v1/weather/current?city=Count0&units=metric", method: .get, headers: me)
            XCTAssertEqual(hit.headers[.rateLimit], #""uncached";r=0;t=30"#)

            let other = try await client.execute(
                uri: "/v1/weather/current?city=Count0&units=imperial", method: .get,
                headers: ClientLimitRouteTests.from("198.51.100.7"))
            XCTAssertEqual(other.headers[.rateLimit], #""uncached";r=3;t=0"#, "another client: a full bucket")

            harness.clock.advance(by: .seconds(12))
            let partly = try await client.execute(uri: "/v1/weather/current?city=Count4", method: .get, headers: me)
            XCTAssertEqual(partly.status, .ok, partly.text)
            XCTAssertEqual(partly.headers[.rateLimit], #""uncached";r=0;t=28"#, "1.2 tokens back, one spent")

            harness.clock.advance(by: .seconds(60))
            let whole = try await client.execute(uri: "/v1/weather/current?city=Count5", method: .get, headers: me)
            XCTAssertEqual(whole.headers[.rateLimit], #""uncached";r=2;t=10"#, "full again, then one spent")
        }
    }

    func testNoFieldsWhenTheLimitIsOffOrOnOtherRoutes() async throws {
        try await ServiceHarness.run { _, client in
            let response = try await client.execute(uri: "/v1/weather/current?city=Oslo", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertNil(response.headers[.rateLimit])
            XCTAssertNil(response.headers[.rateLimitPolicy])
        }
        try await ServiceHarness.run(clientLimit: ClientLimitRouteTests.limit) { _, client in
            let health = try await client.execute(uri: "/health", method: .get)
            XCTAssertNil(health.headers[.rateLimit], "not a lookup")
            let invalid = try await client.execute(uri: "/v1/weather/current?bogus=1", method: .get)
            XCTAssertEqual(invalid.status, .badRequest)
            XCTAssertNotNil(invalid.headers[.rateLimit], "a lookup's problem carries them too")
        }
    }

    func testThePolicyOfTheDefaultLimit() {
        XCTAssertEqual(RateLimitFields.policy(ClientLimit()), #""uncached";q=20;w=80"#)
        XCTAssertEqual(RateLimitFields.current(remaining: 17, resetSeconds: 12), #""uncached";r=17;t=12"#)
    }
}
