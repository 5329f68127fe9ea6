import Foundation
import HTTPTypes
import HummingbirdTesting
import OpenWeatherStub
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The per-client limit through the routes (clients told apart by `X-Forwarded-For`, one trusted hop).
final class ClientLimitRouteTests: XCTestCase {
    static let limit = ClientLimit(ratePerSecond: 0.1, burst: 3, trustedProxyHops: 1)

    static func from(_ address: String) -> HTTPFields { [HTTPField.Name("X-Forwarded-For")!: address] }

    func testAClientPastItsBurstOfMissesGets429WithRetryAfterWhileHitsAndOthersAreServed() async throws {
        try await ServiceHarness.run(clientLimit: Self.limit) { harness, client in
            for n in 0..<3 {
                let response = try await client.execute(
                    uri: "/v1/weather/current?city=Attack\(n)", method: .get, headers: Self.from("203.0.113.9"))
                XCTAssertEqual(response.status, .ok, response.text)
            }
            let refused = try await client.execute(
                uri: "/v1/weather/current?city=Attack3", method: .get, headers: Self.from("203.0.113.9"))
            XCTAssertEqual(refused.status, .tooManyRequests)
            XCTAssertEqual(refused.headers[.retryAfter], "10")
            XCTAssertEqual(refused.headers[.contentType], "application/problem+json")
            XCTAssertEqual(refused.json["type"] as? String, "urn:weather-tracker:problem:client-rate-limited")
            XCTAssertEqual(refused.json["retry_after_s"] as? Int, 10)
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 3, "the refused lookup never went upstream")

            let warm = try await client.execute(
                uri: "/v1/weather/current?city=Attack0", method: .get, headers: Self.from("203.0.113.9"))
            XCTAssertEqual(warm.status, .ok, "a warm hit is never limited")
            XCTAssertEqual(warm.headers[.xCache], "HIT")
            let legacy = try await client.execute(
                uri: "/weather/Attack4", method: .get, headers: Self.from("203.0.113.9"))
            XCTAssertEqual(legacy.status, .tooManyRequests, "the legacy route counts too")

            let other = try await client.execute(
                uri: "/v1/weather/current?city=Elsewhere", method: .get, headers: Self.from("198.51.100.1"))
            XCTAssertEqual(other.status, .ok, "another client has its own bucket")

            harness.clock.advance(by: .seconds(10))
            let later = try await client.execute(
                uri: "/v1/weather/current?city=Attack5", method: .get, headers: Self.from("203.0.113.9"))
            XCTAssertEqual(later.status, .ok, "a token came back after Retry-After")
        }
    }

    func testALookupAnsweredFromTheSharedCacheGivesItsTokenBack() async throws {
        try await ServiceHarness.run(clientLimit: ClientLimit(ratePerSecond: 0.01, burst: 1, trustedProxyHops: 1)) {
            harness, client in
            let miss = try await client.execute(
                uri: "/v1/weather/current?city=Bonn", method: .get, headers: Self.from("192.0.2.1"))
            XCTAssertEqual(miss.headers[.xCache], "MISS")
            // The same place in other units misses the near-cache but hits the shared cache: no
            // upstream call, so the token taken for it is given back.
            for units in ["imperial", "standard"] {
                let response = try await client.execute(
                    uri: "/v1/weather/current?city=Bonn&units=\(units)", method: .get, headers: Self.from("192.0.2.2"))
                XCTAssertEqual(response.status, .ok, response.text)
            }
            let spent = try await client.execute(
                uri: "/v1/weather/current?city=Köln", method: .get, headers: Self.from("192.0.2.2"))
            XCTAssertEqual(spent.status, .ok, "its one token was still there")
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 2)
        }
    }

    func testTheLimitIsInTheOpenAPIDocument() throws {
        let text = String(decoding: OpenAPIDocument.json, as: UTF8.self)
        XCTAssertTrue(text.contains("per-client limit"), "the 429 description names the per-client limit")
    }
}

/// The per-client limit through the web pages, which look places up through the same client.
final class ClientLimitPageTests: XCTestCase {
    static func from(_ address: String) -> HTTPFields { ClientLimitRouteTests.from(address) }

    /// A page costs what it spends: every upstream call it makes (geocode, forecast, current, air)
    /// takes a token, so a client's page views never cost more upstream calls than its budget.
    func testPlacePagesAreChargedEveryUpstreamCallAndGet429PagesWithRetryAfter() async throws {
        try await ServiceHarness.run(clientLimit: ClientLimit(ratePerSecond: 0.1, burst: 8, trustedProxyHops: 1)) {
            harness, client in
            var refused: TestResponse?
            for city in ["Bern", "Genf", "Basel", "Chur", "Sion", "Thun"] where refused == nil {
                let page = try await client.execute(
                    uri: "/place?q=\(city)", method: .get, headers: Self.from("203.0.113.7"))
                if page.status == .tooManyRequests { refused = page } else { XCTAssertEqual(page.status, .ok) }
            }
            XCTAssertLessThanOrEqual(harness.stub.stats.requests, 8, "never more upstream calls than the budget")
            XCTAssertGreaterThanOrEqual(harness.stub.stats.requests, 5, "a page makes several calls")
            let page = try XCTUnwrap(refused, "a /place page costs more than one call: 8 tokens last at most 2 pages")
            XCTAssertEqual(page.headers[.contentType], "text/html; charset=utf-8", "a person gets a page")
            XCTAssertTrue(page.text.contains("Too many uncached lookups"), page.text)
            XCTAssertNotNil(page.headers[.retryAfter])

            let callsBefore = harness.stub.stats.requests
            let home = try await client.execute(uri: "/?q=Lugano", method: .get, headers: Self.from("203.0.113.7"))
            XCTAssertEqual(home.status, .ok, "the overview still answers")
            XCTAssertTrue(home.text.contains("Too many uncached lookups"), "its searched card says why it is empty")
            XCTAssertEqual(harness.stub.stats.requests, callsBefore, "the refused card went nowhere")

            let other = try await client.execute(
                uri: "/place?q=Lugano", method: .get, headers: Self.from("198.51.100.4"))
            XCTAssertEqual(other.status, .ok, "another client has its own bucket")
        }
    }

    /// What the cache (and so the tracker, which keeps its places warm) answers costs nothing; a
    /// page in another language than the tracker keeps, or any other miss, is the client's to pay.
    func testCachedAnswersAreFreeAndEveryMissIsCharged() async throws {
        let tracked: [Place] = [.city(name: "London", country: "GB"), .city(name: "Oslo", country: "NO")]
        try await ServiceHarness.run(
            trackedPlaces: tracked, clientLimit: ClientLimit(ratePerSecond: 0.01, burst: 1, trustedProxyHops: 1)
        ) { harness, client in
            // The tracker's work: no client pays for it.
            for place in tracked {
                _ = try await harness.client.current(for: place)
                _ = try await harness.client.airPollution(for: harness.client.resolve(place).coordinates)
            }
            let warmed = harness.stub.stats.requests
            for _ in 0..<3 {
                let home = try await client.execute(uri: "/", method: .get, headers: Self.from("192.0.2.6"))
                XCTAssertEqual(home.status, .ok)
                XCTAssertFalse(home.text.contains("Too many uncached lookups"), "tracked cards come from the cache")
            }
            XCTAssertEqual(harness.stub.stats.requests, warmed, "nothing went upstream")
            let spent = try await client.execute(
                uri: "/v1/weather/current?city=Genf", method: .get, headers: Self.from("192.0.2.6"))
            XCTAssertEqual(spent.status, .ok, "its one token was still there")
            // Another language refetches every card: that is the client's to pay, and it has no token left.
            let french = try await client.execute(uri: "/?lang=fr", method: .get, headers: Self.from("192.0.2.6"))
            XCTAssertEqual(french.status, .ok)
            XCTAssertTrue(french.text.contains("Too many uncached lookups"), french.text)
            XCTAssertEqual(harness.stub.stats.requests, warmed + 1, "only the one paid-for call went upstream")
        }
    }

    /// With places tracked, clients together spend at most their part of the per-minute budget:
    /// the tracker's share stays free for the tracker however many clients ask.
    func testTheTrackersShareIsReservedFromClients() async throws {
        try await ServiceHarness.run(trackedPlaces: [.city(name: "London", country: "GB")], clientCallsPerMinute: 2) {
            harness, client in
            var statuses: [Int] = []
            for (index, city) in ["Bern", "Genf", "Basel", "Chur"].enumerated() {
                let response = try await client.execute(
                    uri: "/v1/weather/current?city=\(city)", method: .get, headers: Self.from("192.0.2.\(index + 1)"))
                statuses.append(Int(response.status.code))
            }
            XCTAssertEqual(statuses, [200, 200, 429, 429], "four clients, two calls a minute for clients")
            let tracker = try await harness.client.current(for: .city(name: "London", country: "GB"))
            XCTAssertEqual(tracker.cacheStatus, .miss, "the tracker still goes upstream")
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 3)
        }
    }
}
