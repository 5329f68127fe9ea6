import HTTPTypes
import HummingbirdTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// `X-Content-Type-Options: nosniff` on every API answer, whichever path made it: the fast path on
/// the event loop, the router, problems and Hummingbird's own errors.
final class NoSniffTests: XCTestCase {
    func testEveryAnswerOfTheLiveServerSaysNoSniff() async throws {
        try await ServiceHarness.run(live: true) { harness, client in
            let target = "/v1/weather/current?city=Oslo"
            var answers: [(String, TestResponse)] = []
            answers.append(("routed miss", try await client.execute(uri: target, method: .get)))
            answers.append(("fast-path hit", try await client.execute(uri: target, method: .get)))
            XCTAssertEqual(harness.responderCalls.count, 1, "the hit was answered on the event loop")
            let etag = try XCTUnwrap(answers[0].1.headers[.eTag])
            answers.append(("fast-path 304", try await client.execute(uri: target, method: .get, headers: [.ifNoneMatch: etag])))
            answers.append(("fast-path health", try await client.execute(uri: "/health", method: .get)))
            answers.append(("routed HEAD", try await client.execute(uri: target, method: .head)))
            answers.append(("400 problem", try await client.execute(uri: "/v1/weather/current?bogus=1", method: .get)))
            answers.append(("404 problem", try await client.execute(uri: "/v1/nothing-here", method: .get)))
            answers.append(("405 problem", try await client.execute(uri: target, method: .post)))
            answers.append(("metrics", try await client.execute(uri: "/metrics", method: .get)))
            answers.append(("openapi", try await client.execute(uri: "/openapi.json", method: .get)))
            answers.append(("page", try await client.execute(uri: "/", method: .get)))
            for (name, response) in answers {
                XCTAssertEqual(response.headers[values: .xContentTypeOptions], ["nosniff"], "\(name): \(response.status)")
            }
        }
    }

    func testTheFastPathAnswerCarriesItBeforeItReachesAConnection() async throws {
        try await ServiceHarness.run { harness, client in
            let target = "/v1/weather/current?city=Oslo"
            _ = try await client.execute(uri: target, method: .get)
            let fastPath = ServiceFastPath(
                dependencies: harness.dependencies,
                observation: RequestObservation(
                    metrics: harness.metrics, logger: harness.logs.logger(), requestIDs: RequestIDGenerator()))
            let answer = try XCTUnwrap(
                fastPath.answer(HTTPRequest(method: .get, scheme: nil, authority: nil, path: target)))
            XCTAssertEqual(answer.headers[values: .xContentTypeOptions], ["nosniff"])
        }
    }
}
