import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import OpenWeatherStub
import TestSupport
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// Attacks that once worked against the service, replayed over real sockets where the defect
/// lived in the connection handling: each must now get nothing it did not ask for.
final class AttackRegressionTests: XCTestCase {
    /// A request target spelled exactly like another question's normalized near-cache key is only
    /// a target: it cannot put its answer where the other question's answer lives.
    func testATargetSpelledLikeANormalizedKeyCannotPoisonIt() async throws {
        try await ServiceHarness.run(live: true) { _, client in
            let port = try XCTUnwrap(client.port)
            for (city, units) in [("Paris", "imperial"), ("Lima", "metric")] {
                // The attacker first sends another question's normalized key as a literal request
                // target (raw `|`): a city named "paris|imperial|en", in standard units.
                let key = "/v1/weather/current?city=\(city.lowercased())|\(units)|en"
                let attacker = try KeepAliveConnection(port: port)
                try attacker.transmit("GET \(key) HTTP/1.1\r\nHost: localhost\r\n\r\n")
                let planted = try attacker.responses(1)[0]
                XCTAssertEqual(planted.status, 200, planted.body)
                // Then the victims ask that question, in two spellings: they must get their own
                // place in their own units, not the attacker's answer marked as a hit.
                for spelling in ["city=\(city)&units=\(units)", "city=\(city.uppercased())&units=\(units)"] {
                    let victim = try await client.execute(uri: "/v1/weather/current?\(spelling)", method: .get)
                    XCTAssertEqual(victim.json["units"] as? String, units, victim.text)
                    let data = try XCTUnwrap(victim.json["data"] as? [String: Any])
                    XCTAssertEqual(data["name"] as? String, city, victim.text)
                }
            }
        }
    }

    /// Cheap distinct spellings evict only spellings: the normalized answers stay.
    func testFloodingSpellingsCannotEvictNormalizedAnswers() {
        let cache = EncodedBodyCache(maxEntries: 8, maxBytes: 1 << 20)
        let now = Date()
        let body = EncodedBody(
            bytes: Array(#"{"data":1}"#.utf8), fetchedAt: now, freshUntil: now.addingTimeInterval(600),
            staleDirectives: "", isShareable: true)
        cache.store(body, forKey: "/v1/weather/current?city=victim|metric|en", now: now)
        for spelling in 0..<1_000 {
            cache.store(body, forTarget: "/v1/weather/current?city=x\(spelling)", now: now)
        }
        XCTAssertNotNil(cache.body(forKey: "/v1/weather/current?city=victim|metric|en", now: now))
        XCTAssertLessThanOrEqual(cache.count, 8 + 4, "the spellings keep to their own bound")
        XCTAssertNil(cache.body(forTarget: "/v1/weather/current?city=victim|metric|en", now: now), "no key is a target")
    }

    /// One huge body cannot take the near-cache over.
    func testBodiesOverTheEntryLimitAreNotKept() {
        let cache = EncodedBodyCache(maxEntries: 100, maxBytes: 4 << 20)
        let now = Date()
        let huge = EncodedBody(
            bytes: Array(repeating: UInt8(ascii: "x"), count: cache.maxEntryBytes + 1), fetchedAt: now,
            freshUntil: now.addingTimeInterval(600), staleDirectives: "", isShareable: true)
        cache.store(huge, forKey: "k", now: now)
        cache.store(huge, forTarget: "t", now: now)
        XCTAssertEqual(cache.count, 0)
    }

    /// Numbers are decimals: `0x10` is not 16, `inf` and `nan` are not numbers; JSON's exponents are
    /// read (`1e1` is 10: a client serializing a number writes them, and the schema says `number`).
    func testOnlyPlainDecimalNumbersAreAccepted() async throws {
        try await ServiceHarness.run(live: true) { harness, client in
            for (query, parameter) in [
                ("lat=0x10&lon=8", "lat"), ("lat=47&lon=0x8p0", "lon"), ("lat=1e1.5&lon=8", "lat"), ("lat=inf&lon=8", "lat"),
                ("lat=nan&lon=8", "lat"), ("lat=47.&lon=8", "lat"), ("lat=.5&lon=8", "lat"), ("lat=4_7&lon=8", "lat"),
                ("id=0x10", "id"), ("id=1e3", "id"), ("city=Oslo&cnt=0x4", "cnt"),
            ] {
                let path = query.contains("cnt") ? "/v1/weather/forecast" : "/v1/weather/current"
                let response = try await client.execute(uri: "\(path)?\(query)", method: .get)
                XCTAssertEqual(response.status, .badRequest, "\(query): \(response.text)")
                XCTAssertEqual(response.json["parameter"] as? String, parameter, "\(query): \(response.text)")
            }
            for query in ["lat=-33.87&lon=151.21", "lat=+47&lon=8.5", "lat=1e1&lon=8", "lat=4.7E%2B1&lon=1e-05", "id=2643743"] {
                let response = try await client.execute(uri: "/v1/weather/current?\(query)", method: .get)
                XCTAssertEqual(response.status, .ok, "\(query): \(response.text)")
            }
            XCTAssertGreaterThan(harness.stub.stats.requests, 0)
        }
    }

    /// Each instant and range is a billed call: only what OpenWeather serves, a bounded span. The
    /// values are well formed (the document's schema admits them), so the refusal is a 422.
    func testTimeMachineAndAirHistoryStayWithinWhatOpenWeatherServes() async throws {
        try await ServiceHarness.run { harness, client in
            let now = Int(harness.clock.now.timeIntervalSince1970)
            let day = 86_400
            for (path, parameter) in [
                ("/v1/weather/onecall/timemachine?lat=1&lon=2&dt=\(now + 5 * day)", "dt"),
                ("/v1/weather/onecall/timemachine?lat=1&lon=2&dt=253402300799", "dt"),
                ("/v1/air/history?lat=1&lon=2&start=\(now - day)&end=\(now + day)", "end"),
                ("/v1/air/history?lat=1&lon=2&start=1700000000&end=253402300799", "end"),
                ("/v1/air/history?lat=1&lon=2&start=\(now - 40 * day)&end=\(now - 8 * day)", "end"),
            ] {
                let response = try await client.execute(uri: path, method: .get)
                XCTAssertEqual(response.status, .unprocessableContent, "\(path): \(response.text)")
                XCTAssertEqual(response.json["parameter"] as? String, parameter, path)
            }
            for path in [
                "/v1/weather/onecall/timemachine?lat=1&lon=2&dt=\(now + 3 * day)",
                "/v1/air/history?lat=1&lon=2&start=\(now - 31 * day)&end=\(now)",
            ] {
                let response = try await client.execute(uri: path, method: .get)
                XCTAssertEqual(response.status, .ok, "\(path): \(response.text)")
            }
        }
    }
}
