import Foundation
import WeatherCore
import WeatherTesting
import XCTest

final class NegativeCachingTests: XCTestCase {
    func testNotFoundIsCachedForFiveMinutes() async throws {
        let h = Harness()
        h.transport.enqueue(.any, .json(#"{"cod":"404","message":"city not found"}"#, status: 404))
        let first = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(first?.code, .notFound)
        h.clock.advance(by: .seconds(299))
        let cached = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(cached?.code, .notFound)
        XCTAssertEqual(h.transport.requestCount, 1, "the cached 'not found' answered")

        guard
            case .set(_, let entry, let ttl)? = h.store.operations.first(where: {
                if case .set = $0 { true } else { false }
            })
        else { return XCTFail("nothing cached") }
        XCTAssertTrue(entry.isNegative)
        XCTAssertEqual(ttl, .seconds(300))

        h.clock.advance(by: .seconds(1))
        h.transport.enqueue(.any, .json(Reading.json(temp: 1)))
        let found = try await h.reading()
        XCTAssertEqual(found.cacheStatus, .miss, "a negative entry is never served stale")
        XCTAssertEqual(h.transport.requestCount, 2)
    }

    func testErrorBodyWithStatus200IsMappedAndCached() async throws {
        let h = Harness()
        h.transport.enqueue(.any, .json(#"{"cod":"404","message":"city not found"}"#))  // HTTP 200
        let error = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(error?.code, .notFound)
        let cached = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(cached?.code, .notFound)
        XCTAssertEqual(h.transport.requestCount, 1)
    }

    func testEmptyGeocodingResultIsCachedAsNegative() async throws {
        let h = Harness()
        let request = Harness.request("Atlantis", endpoint: .geocodeDirect)
        h.transport.enqueue(.path("/geo/1.0/direct"), .json(" [ ] "))
        let first = try await h.client.fetch(request, as: Places.self)
        XCTAssertEqual(first.value.names, [])
        XCTAssertEqual(first.cacheStatus, .miss)
        let second = try await h.client.fetch(request, as: Places.self)
        XCTAssertEqual(second.cacheStatus, .hit)
        XCTAssertEqual(h.transport.requestCount, 1)
        guard
            case .set(_, let entry, let ttl)? = h.store.operations.first(where: {
                if case .set = $0 { true } else { false }
            })
        else { return XCTFail("nothing cached") }
        XCTAssertTrue(entry.isNegative)
        XCTAssertEqual(ttl, .seconds(300), "an empty result lives as long as a 404, not 30 days")
    }

    func testNonEmptyGeocodingResultLivesThirtyDays() async throws {
        let h = Harness()
        let request = Harness.request("Paris", endpoint: .geocodeDirect)
        h.transport.enqueue(.any, .json(#"[{"name":"Paris"}]"#))
        let result = try await h.client.fetch(request, as: Places.self)
        XCTAssertEqual(result.value.names, ["Paris"])
        h.clock.advance(by: .seconds(30 * 86400 - 1))
        let later = try await h.client.fetch(request, as: Places.self)
        XCTAssertEqual(later.cacheStatus, .hit)
    }

    func testUndecodableBodyIsNotCached() async throws {
        let h = Harness()
        h.transport.enqueue(.any, .json(#"{"unexpected":true}"#))
        let error = await weatherError { _ = try await h.reading() }
        XCTAssertEqual(error?.code, .decodingFailed)
        XCTAssertEqual(h.store.setKeys, [])
    }
}
