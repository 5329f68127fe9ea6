import Foundation
import HTTPTypes
import HummingbirdTesting
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer

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

    func testPlacePagesOfUntrackedPlacesCountAndGet429PagesWithRetryAfter() async throws {
        try await ServiceHarness.run(clientLimit: ClientLimit(ratePerSecond: 0.1, burst: 2, trustedProxyHops: 1)) {
            harness, client in
            for city in ["Bern", "Genf"] {
                let page = try await client.execute(
                    uri: "/place?q=\(city)", method: .get, headers: Self.from("203.0.113.7"))
                XCTAssertEqual(page.status, .ok, page.text)
            }
            let forecastsBefore = harness.upstreamCalls("/data/2.5/forecast")
            let refused = try await client.execute(
                uri: "/place?q=Basel", method: .get, headers: Self.from("203.0.113.7"))
            XCTAssertEqual(refused.status, .tooManyRequests)
            XCTAssertEqual(refused.headers[.retryAfter], "10")
            XCTAssertEqual(refused.headers[.contentType], "text/html; charset=utf-8", "a person gets a page")
            XCTAssertTrue(refused.text.contains("Too many uncached lookups"), refused.text)
            XCTAssertEqual(
                harness.upstreamCalls("/data/2.5/forecast"), forecastsBefore, "the refused page went nowhere")

            let home = try await client.execute(uri: "/?q=Basel", method: .get, headers: Self.from("203.0.113.7"))
            XCTAssertEqual(home.status, .ok, "the overview still answers")
            XCTAssertTrue(home.text.contains("Too many uncached lookups"), "its searched card says why it is empty")
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/forecast"), forecastsBefore)

            let other = try await client.execute(
                uri: "/place?q=Basel", method: .get, headers: Self.from("198.51.100.4"))
            XCTAssertEqual(other.status, .ok, "another client has its own bucket")
        }
    }

    func testAPageAnsweredFromTheCacheGivesItsTokenBackAndTrackedPlacesAreNotCounted() async throws {
        let tracked: Place = .city(name: "London", country: "GB")
        try await ServiceHarness.run(
            trackedPlaces: [tracked], clientLimit: ClientLimit(ratePerSecond: 0.01, burst: 1, trustedProxyHops: 1)
        ) { harness, client in
            let first = try await client.execute(uri: "/place?q=Bern", method: .get, headers: Self.from("192.0.2.5"))
            XCTAssertEqual(first.status, .ok, first.text)
            // Bern is cached now: its page views take a token and give it back.
            for _ in 0..<3 {
                let again = try await client.execute(
                    uri: "/place?q=Bern", method: .get, headers: Self.from("192.0.2.6"))
                XCTAssertEqual(again.status, .ok, again.text)
            }
            for _ in 0..<3 {
                let trackedPage = try await client.execute(
                    uri: "/place?q=London,GB", method: .get, headers: Self.from("192.0.2.6"))
                XCTAssertEqual(trackedPage.status, .ok, "a tracked place is never counted")
                let home = try await client.execute(uri: "/", method: .get, headers: Self.from("192.0.2.6"))
                XCTAssertFalse(home.text.contains("Too many uncached lookups"))
            }
            let spent = try await client.execute(uri: "/place?q=Genf", method: .get, headers: Self.from("192.0.2.6"))
            XCTAssertEqual(spent.status, .ok, "its one token was still there")
            let refused = try await client.execute(uri: "/place?q=Basel", method: .get, headers: Self.from("192.0.2.6"))
            XCTAssertEqual(refused.status, .tooManyRequests, "and now it is spent")
        }
    }
}
