import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import OpenWeatherStub
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// `POST /v1/batch`: many lookups in one request, each answered as its GET route would.
final class BatchRouteTests: XCTestCase {
    static func batch(_ targets: [String]) -> ByteBuffer {
        let body = try! JSONSerialization.data(
            withJSONObject: ["requests": targets], options: [.withoutEscapingSlashes])
        return ByteBuffer(bytes: body)
    }

    static func results(_ response: TestResponse) -> [[String: Any]] {
        response.json["results"] as? [[String: Any]] ?? []
    }

    func testMixedHitsMissesAndInvalidItemsAnswerInOrder() async throws {
        try await ServiceHarness.run { harness, client in
            let warm = try await client.execute(uri: "/v1/weather/current?city=Bergen&country=NO", method: .get)
            XCTAssertEqual(warm.status, .ok)
            let targets = [
                "/v1/weather/current?city=Bergen&country=NO", "/v1/air?lat=48.85&lon=2.35",
                "/v1/weather/current?bogus=1",
                "/v1/nothing", "/v1/weather/current?city=Bergen&country=NO&units=imperial",
                "/v1/weather/current?city=Nowhereville",
            ]
            let response = try await client.execute(
                uri: "/v1/batch", method: .post, headers: [.contentType: "application/json"], body: Self.batch(targets))
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(response.headers[.cacheControl], "no-store")
            let results = Self.results(response)
            XCTAssertEqual(results.count, targets.count)
            XCTAssertEqual(results.map { $0["status"] as? Int }, [200, 200, 400, 404, 200, 404])
            XCTAssertEqual(results[0]["cache"] as? String, "HIT")
            XCTAssertEqual(results[1]["cache"] as? String, "MISS")
            XCTAssertEqual(results[4]["cache"] as? String, "HIT", "the shared cache answers other units")
            XCTAssertEqual(results[0]["age_s"] as? Int, 0)
            let body = try XCTUnwrap(results[1]["body"] as? [String: Any])
            XCTAssertNotNil(body["data"] as? [String: Any])
            XCTAssertEqual((results[2]["problem"] as? [String: Any])?["parameter"] as? String, "bogus")
            XCTAssertEqual(
                (results[3]["problem"] as? [String: Any])?["type"] as? String,
                "urn:weather-tracker:problem:no-such-route")
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 2, "the hit and the other units cost nothing")

            // The batch's own answers serve a later GET from the fast path.
            let again = try await client.execute(uri: "/v1/air?lat=48.85&lon=2.35", method: .get)
            XCTAssertEqual(again.headers[.xCache], "HIT")
        }
    }

    func testMissesAreChargedLikeSingleLookupsAndAnExhaustedBudgetIsPerItem429() async throws {
        try await ServiceHarness.run(clientLimit: ClientLimitRouteTests.limit) { harness, client in
            let targets = (0..<5).map { "/v1/weather/current?city=Batch\($0)" } + ["/v1/weather/current?city=Batch0"]
            let response = try await client.execute(
                uri: "/v1/batch", method: .post,
                headers: [HTTPField.Name("X-Forwarded-For")!: "203.0.113.50", .contentType: "application/json"],
                body: Self.batch(targets))
            XCTAssertEqual(response.status, .ok, response.text)
            let statuses = Self.results(response).map { $0["status"] as? Int ?? 0 }
            // A burst of 3: three distinct misses go upstream, the other two are refused; the repeat of
            // Batch0 shares its twin's fate (joins its flight or its cache entry, or is refused too).
            XCTAssertEqual(statuses.filter { $0 == 200 }.count, statuses[0] == 200 ? 4 : 3, "\(statuses)")
            XCTAssertEqual(statuses[5], statuses[0], "\(statuses)")
            XCTAssertEqual(Set(statuses), [200, 429], "\(statuses)")
            let refused = try XCTUnwrap(Self.results(response).first { $0["status"] as? Int == 429 })
            XCTAssertEqual(
                (refused["problem"] as? [String: Any])?["type"] as? String,
                "urn:weather-tracker:problem:client-rate-limited")
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 3, "the repeat joined its twin's flight")
            XCTAssertEqual(response.headers[.rateLimit], #""uncached";r=0;t=30"#)
        }
    }

    func testTheBatchIsBounded() async throws {
        try await ServiceHarness.run { _, client in
            let tooMany = try await client.execute(
                uri: "/v1/batch", method: .post, body: Self.batch(Array(repeating: "/v1/air?lat=1&lon=2", count: 51)))
            XCTAssertEqual(tooMany.status, .badRequest)
            XCTAssertEqual(tooMany.json["type"] as? String, "urn:weather-tracker:problem:invalid-batch")
            let empty = try await client.execute(uri: "/v1/batch", method: .post, body: Self.batch([]))
            XCTAssertEqual(empty.status, .badRequest)
            let garbage = try await client.execute(uri: "/v1/batch", method: .post, body: ByteBuffer(string: "[1,2"))
            XCTAssertEqual(garbage.status, .badRequest)
            let huge = try await client.execute(
                uri: "/v1/batch", method: .post, body: ByteBuffer(repeating: UInt8(ascii: " "), count: 40_000))
            XCTAssertEqual(huge.status, .contentTooLarge)
            XCTAssertEqual(huge.headers[.contentType], "application/problem+json")
            let get = try await client.execute(
                uri: "/v1/weather/current?city=Oslo", method: .post, body: Self.batch([]))
            XCTAssertEqual(get.status, .methodNotAllowed, "POST is for the batch only")
            let getBatch = try await client.execute(uri: "/v1/batch", method: .get)
            XCTAssertEqual(getBatch.status, .methodNotAllowed)
            XCTAssertEqual(getBatch.headers[.allow], "POST")
        }
    }

    func testItemsUnansweredAtTheDeadlineAnswer504() async throws {
        try await ServiceHarness.run(transportTimeout: .seconds(5)) { harness, _ in
            harness.stub.inject(.latency(.seconds(2)), pathPrefix: "/data/2.5/air_pollution", times: 1)
            let responder = BatchResponder(
                dependencies: harness.dependencies,
                limits: BatchLimits(maxItems: 50, maxBodyBytes: 1024, deadline: .milliseconds(300)))
            let start = ContinuousClock.now
            let results = await responder.answers(["/v1/weather/current?city=Quick", "/v1/air?lat=10&lon=10"])
            XCTAssertLessThan(ContinuousClock.now - start, .seconds(1), "the batch does not wait for the straggler")
            guard case .answered = results[0] else { return XCTFail("\(results[0])") }
            guard case .failed(let problem) = results[1] else { return XCTFail("\(results[1])") }
            XCTAssertEqual(problem.status, .gatewayTimeout)
        }
    }

    func testTheServiceServerReadsTheBodyPastTheFastPath() async throws {
        try await ServiceHarness.run(live: true) { _, client in
            let targets = ["/v1/air?lat=48.85&lon=2.35", "/v1/geocode?q=Bergen,NO"]
            let response = try await client.execute(
                uri: "/v1/batch", method: .post, headers: [.contentType: "application/json"], body: Self.batch(targets))
            XCTAssertEqual(response.status, .ok, response.text)
            XCTAssertEqual(Self.results(response).map { $0["status"] as? Int }, [200, 200])
            let after = try await client.execute(uri: "/health", method: .get)
            XCTAssertEqual(after.status, .ok, "the connection goes on")
        }
    }

    func testTheBatchIsDocumented() throws {
        let operation = try XCTUnwrap(
            ((OpenAPIDocumentTests.paths["/v1/batch"] as? [String: Any])?["post"] as? [String: Any]))
        let statuses = Set((operation["responses"] as? [String: Any] ?? [:]).keys)
        XCTAssertTrue(statuses.isSuperset(of: ["200", "400", "413"]), "\(statuses)")
        XCTAssertNotNil(operation["requestBody"])
    }
}
