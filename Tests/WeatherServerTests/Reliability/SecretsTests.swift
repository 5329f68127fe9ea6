import Foundation
import HTTPTypes
import HummingbirdTesting
import OpenWeatherStub
import Synchronization
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The API key never leaves the process: every log line (text and JSON), the metrics text, every
/// response header and body, and every cache key and value are captured and searched for it,
/// after lookups that hit, miss, go stale, fail upstream and are refused.
final class SecretsTests: XCTestCase {
    static let key = "RELIABILITY-SECRET-7f3a9c1e5b"

    /// Everything a client or an operator can see.
    final class Captured: Sendable {
        private let storage = Mutex<[String]>([])
        var texts: [String] { storage.withLock { $0 } }
        func append(_ text: String) { storage.withLock { $0.append(text) } }
        func append(contentsOf texts: [String]) { storage.withLock { $0 += texts } }
    }

    func testTheKeyAppearsInNoLogMetricResponseOrCacheEntry() async throws {
        for format in [LogFormat.text, .json] {
            try await ServiceHarness.run(apiKey: Self.key, stubKey: Self.key, logFormat: format) { harness, client in
                let captured = Captured()
                try await Self.exercise(harness, client, into: captured)
                captured.append(contentsOf: harness.logs.all)
                for key in harness.store.keysByRecency {
                    captured.append(key.rawValue)
                    if let entry = try await harness.store.get(key) {
                        captured.append(String(decoding: entry.serialized(), as: UTF8.self))
                    }
                }
                XCTAssertGreaterThan(harness.store.keysByRecency.count, 5, "lookups were cached")
                XCTAssertGreaterThan(harness.logs.all.count, 20)
                Self.assertNoKey(in: captured.texts, format: format)
            }
        }
    }

    func testARefusedKeyIsReportedWithoutTheKey() async throws {
        try await ServiceHarness.run(apiKey: Self.key, stubKey: "another-key", logFormat: .json) { harness, client in
            let response = try await client.execute(uri: "/v1/weather/current?city=Bonn", method: .get)
            XCTAssertEqual(response.status, .badGateway)
            let errorLines = harness.logs.all.filter { $0.contains("upstream failure") }
            XCTAssertFalse(errorLines.isEmpty, "the operator is told")
            Self.assertNoKey(in: harness.logs.all + [response.text, "\(response.headers)"], format: .json)
        }
    }

    static func assertNoKey(in texts: [String], format: LogFormat, file: StaticString = #filePath, line: UInt = #line) {
        let fragment = String(key.dropFirst(6).prefix(14))  // a part of it counts too
        for text in texts where text.contains(key) || text.contains(fragment) {
            XCTFail("the API key appears (\(format) logs): \(text.prefix(300))", file: file, line: line)
        }
    }

    /// Hits, misses, 304s, stale answers, upstream failures, refused input, pages and the metrics.
    static func exercise(_ harness: ServiceHarness, _ client: any TestClientProtocol, into captured: Captured)
        async throws
    {
        func get(_ uri: String, _ headers: HTTPFields = [:]) async throws -> TestResponse {
            let response = try await client.execute(uri: uri, method: .get, headers: headers)
            captured.append("\(response.status) \(response.headers) \(response.text)")
            XCTAssertLessThan(response.status.code, 500, "\(uri): \(response.text)")
            return response
        }
        for (path, query) in LookupRoutesTests.validQueries.sorted(by: { $0.key < $1.key }) {
            let uri = "\(path)?\(query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)"
            let first = try await get(uri)
            _ = try await get(uri)
            if let tag = first.headers[.eTag] { _ = try await get(uri, [.ifNoneMatch: tag]) }
        }
        for uri in [
            "/weather/Bonn", "/health", "/ready", "/openapi.json", "/v1/tracked", "/", "/place?city=Bonn",
            // A client sending the key itself: refused, and the value redacted from the log line.
            "/v1/weather/current?city=Bonn&appid=\(key)", "/v1/weather/current?city=Bonn&token=\(key)",
        ] {
            _ = try await get(uri)
        }
        // Stale: past freshness, upstream failing.
        harness.clock.advance(by: .seconds(700))
        harness.stub.inject(.status(500), pathPrefix: "/data/2.5/weather")
        let stale = try await client.execute(uri: "/v1/weather/current?city=London&country=GB", method: .get)
        captured.append("\(stale.headers) \(stale.text)")
        harness.stub.inject(.connectionReset, pathPrefix: "/data/2.5/forecast")
        let failed = try await client.execute(uri: "/v1/weather/forecast?city=Nowhere", method: .get)
        captured.append("\(failed.headers) \(failed.text)")
        harness.stub.clearFaults()
        let metrics = try await get("/metrics")
        XCTAssertTrue(metrics.text.contains("http_requests_total"))
    }
}
