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

/// Every lookup route over the real stub: status, body envelope, cache headers, near-cache.
final class LookupRoutesTests: XCTestCase {
    /// A valid query for every lookup route, by path.
    static let validQueries: [String: String] = [
        "/v1/weather/current": "city=London&country=GB",
        "/v1/weather/forecast": "lat=51.51&lon=-0.13&cnt=4",
        "/v1/weather/onecall": "city=Zürich&exclude=minutely",
        "/v1/weather/onecall/timemachine": "lat=40.71&lon=-74.01&dt=1700000000",
        "/v1/weather/onecall/day-summary": "lat=40.71&lon=-74.01&date=2024-05-01",
        "/v1/weather/onecall/overview": "zip=10001&country=US",
        "/v1/weather/timeline/1min": "city=London",
        "/v1/weather/timeline/15min": "lat=51.51&lon=-0.13",
        "/v1/weather/timeline/1h": "city=Berlin&start=2024-03-01&end=2024-03-02",
        "/v1/weather/timeline/1day": "zip=10001&country=US",
        "/v1/weather/alerts": "city=Berlin",
        "/v1/air": "lat=48.85&lon=2.35",
        "/v1/air/forecast": "city=Paris",
        "/v1/air/history": "lat=48.85&lon=2.35&start=1700000000&end=1700003600",
        "/v1/geocode": "q=Springfield,IL,US&limit=3",
        "/v1/geocode/reverse": "lat=51.51&lon=-0.13",
        "/v1/geocode/zip": "zip=10001&country=US",
    ]

    func testEveryLookupRouteAnswersWithTheEnvelopeAndCacheHeaders() async throws {
        XCTAssertEqual(Set(Self.validQueries.keys), Set(LookupRoute.all.map(\.path)), "a route without a test query")
        try await ServiceHarness.run { _, client in
            for (path, query) in Self.validQueries.sorted(by: { $0.key < $1.key }) {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                let response = try await client.execute(uri: "\(path)?\(encoded)", method: .get)
                XCTAssertEqual(response.status, .ok, "\(path): \(response.text)")
                XCTAssertEqual(response.headers[.contentType], "application/json", path)
                XCTAssertEqual(response.headers[.xCache], "MISS", path)
                XCTAssertEqual(response.headers[.age], "0", path)
                XCTAssertNotNil(response.headers[.eTag]?.range(of: #"^"[0-9a-f]{16}"$"#, options: .regularExpression), path)
                let cacheControl = try XCTUnwrap(response.headers[.cacheControl], path)
                XCTAssertNotNil(
                    cacheControl.range(
                        of: #"^public, max-age=[0-9]+, stale-while-revalidate=[0-9]+, stale-if-error=[0-9]+$"#,
                        options: .regularExpression), cacheControl)
                XCTAssertNotNil(response.json["data"], path)
                XCTAssertNotNil(response.json["fetched_at"], path)
            }
        }
    }

    /// Places whose names differ only by diacritics or compatibility forms are different places:
    /// the one asked first is never served, as a HIT, for the other (NFC and case still fold).
    func testPlacesThatDifferByDiacriticsGetTheirOwnAnswers() async throws {
        try await ServiceHarness.run { harness, client in
            for (first, second) in [("Bach", "Bäch"), ("Sao Paulo", "São Paulo"), ("Muller", "Müller"), ("Bach", "Ｂａｃｈ")] {
                func get(_ name: String) async throws -> (cache: String?, name: String?) {
                    let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                    let response = try await client.execute(uri: "/v1/weather/current?city=\(encoded)", method: .get)
                    XCTAssertEqual(response.status, .ok, response.text)
                    let data = response.json["data"] as? [String: Any]
                    return (response.headers[.xCache], data?["name"] as? String)
                }
                _ = try await get(first)
                let other = try await get(second)
                XCTAssertEqual(other.cache, "MISS", "\(second) was answered with \(first)'s entry")
                XCTAssertEqual(other.name, second.precomposedStringWithCanonicalMapping, "the stub names the place it was asked")
                let decomposed = try await get(second.decomposedStringWithCanonicalMapping.uppercased())
                XCTAssertEqual(decomposed.cache, "HIT", "the same letters, decomposed and upper case")
            }
            XCTAssertGreaterThan(harness.stub.stats.requests, 0)
        }
    }

    func testEveryPlaceFormAnswers() async throws {
        try await ServiceHarness.run { _, client in
            for query in ["city=London", "city=Springfield&state=IL&country=US", "lat=-33.87&lon=151.21", "zip=94040&country=US", "id=2643743"] {
                let response = try await client.execute(uri: "/v1/weather/current?\(query)", method: .get)
                XCTAssertEqual(response.status, .ok, "\(query): \(response.text)")
            }
        }
    }

    func testValuesAreInTheRequestedUnitsAndNamedByTheirUnit() async throws {
        try await ServiceHarness.run { harness, client in
            let metric = try await client.execute(uri: "/v1/weather/current?city=Oslo&units=metric", method: .get)
            let imperial = try await client.execute(uri: "/v1/weather/current?city=Oslo&units=imperial", method: .get)
            let standard = try await client.execute(uri: "/v1/weather/current?city=Oslo&units=standard", method: .get)
            func main(_ response: TestResponse) -> [String: Any] {
                ((response.json["data"] as? [String: Any])?["main"] as? [String: Any]) ?? [:]
            }
            let celsius = try XCTUnwrap((main(metric)["temperature"] as? [String: Double])?["celsius"])
            let fahrenheit = try XCTUnwrap((main(imperial)["temperature"] as? [String: Double])?["fahrenheit"])
            let kelvin = try XCTUnwrap((main(standard)["temperature"] as? [String: Double])?["kelvin"])
            XCTAssertEqual(celsius, kelvin - 273.15, accuracy: 0.01)
            XCTAssertEqual(fahrenheit, celsius * 9 / 5 + 32, accuracy: 0.02)
            XCTAssertNotEqual(metric.headers[.eTag], imperial.headers[.eTag])
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 1, "one cache entry serves every unit system")
        }
    }

    func testASecondLookupIsANearCacheHitWithoutAskingUpstream() async throws {
        try await ServiceHarness.run { harness, client in
            let first = try await client.execute(uri: "/v1/weather/current?city=Lima", method: .get)
            harness.clock.advance(by: .seconds(7))
            let second = try await client.execute(uri: "/v1/weather/current?city=%20lima%20", method: .get)
            XCTAssertEqual(second.status, .ok)
            XCTAssertEqual(second.headers[.xCache], "HIT")
            XCTAssertEqual(second.headers[.age], "7")
            XCTAssertEqual(second.headers[.eTag], first.headers[.eTag])
            XCTAssertEqual(second.text, first.text)
            let firstMaxAge = try XCTUnwrap(Self.maxAge(first)), secondMaxAge = try XCTUnwrap(Self.maxAge(second))
            XCTAssertEqual(firstMaxAge - secondMaxAge, 7, "max-age counts down to the entry's freshness")
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 1)
            XCTAssertEqual(harness.dependencies.nearCache.count, 3, "the normalized question and the two request targets")
        }
    }

    func testTheNearCacheNeverOutlivesTheEntryItCameFrom() async throws {
        try await ServiceHarness.run { harness, client in
            let first = try await client.execute(uri: "/v1/weather/current?city=Lima", method: .get)
            let maxAge = try XCTUnwrap(Self.maxAge(first))
            harness.clock.advance(by: .seconds(Int64(maxAge) + 1))
            let stale = try await client.execute(uri: "/v1/weather/current?city=Lima", method: .get)
            XCTAssertEqual(stale.headers[.xCache], "STALE", "past its freshness the answer comes from the client (stale-while-revalidate)")
            XCTAssertTrue(stale.headers[.cacheControl]?.hasPrefix("public, max-age=0,") == true, stale.headers[.cacheControl] ?? "")
            await harness.client.drainBackgroundRefreshes()
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 2, "the stale hit started one background refresh")
            let refreshed = try await client.execute(uri: "/v1/weather/current?city=Lima", method: .get)
            XCTAssertEqual(refreshed.headers[.xCache], "HIT")
            XCTAssertEqual(refreshed.headers[.age], "0")
        }
    }

    func testIfNoneMatchWithTheCurrentTagIs304WithoutABody() async throws {
        try await ServiceHarness.run { _, client in
            let first = try await client.execute(uri: "/v1/weather/forecast?city=Rome", method: .get)
            let tag = try XCTUnwrap(first.headers[.eTag])
            for condition in [tag, "\"0000000000000000\", W/\(tag)", "*"] {
                let response = try await client.execute(
                    uri: "/v1/weather/forecast?city=Rome", method: .get, headers: [.ifNoneMatch: condition])
                XCTAssertEqual(response.status, .notModified, condition)
                XCTAssertTrue(response.text.isEmpty)
                XCTAssertEqual(response.headers[.eTag], tag)
                XCTAssertNotNil(response.headers[.cacheControl])
            }
            let other = try await client.execute(
                uri: "/v1/weather/forecast?city=Rome", method: .get, headers: [.ifNoneMatch: "\"0123456789abcdef\""])
            XCTAssertEqual(other.status, .ok)
        }
    }

    func testTheOriginRouteAnswersInTheOriginShape() async throws {
        try await ServiceHarness.run { harness, client in
            let miss = try await client.execute(uri: "/weather/London?units=imperial", method: .get)
            XCTAssertEqual(miss.status, .ok, miss.text)
            XCTAssertEqual(miss.json["city"] as? String, "London")
            XCTAssertEqual(miss.json["units"] as? String, "imperial")
            XCTAssertEqual(miss.json["cached"] as? Bool, false)
            XCTAssertNotNil(miss.json["temperature"] as? Double)
            let hit = try await client.execute(uri: "/weather/london?units=imperial", method: .get)
            XCTAssertEqual(hit.headers[.xCache], "HIT")
            XCTAssertEqual(hit.json["cached"] as? Bool, true)
            // The miss's tag revalidates the cached answer that follows it (weakly: only `cached` differs).
            let missTag = try XCTUnwrap(miss.headers[.eTag])
            XCTAssertEqual(missTag, "W/" + (hit.headers[.eTag] ?? ""))
            let revalidated = try await client.execute(
                uri: "/weather/London?units=imperial", method: .get, headers: [.ifNoneMatch: missTag])
            XCTAssertEqual(revalidated.status, .notModified)
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 1)
            let bad = try await client.execute(uri: "/weather/London?units=kelvin", method: .get)
            XCTAssertEqual(bad.status, .badRequest)
        }
    }

    static func maxAge(_ response: TestResponse) -> Int? {
        guard let text = response.headers[.cacheControl], let range = text.range(of: #"max-age=[0-9]+"#, options: .regularExpression)
        else { return nil }
        return Int(text[range].dropFirst("max-age=".count))
    }
}
