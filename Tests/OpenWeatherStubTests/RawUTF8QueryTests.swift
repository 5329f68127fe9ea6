import Foundation
import OpenWeatherStub
import XCTest

/// Issue 11, item 11: raw UTF-8 in the query is accepted, as OpenWeather accepts it, over a real
/// socket (the router alone never saw NIO's parser refuse it).
final class RawUTF8QueryTests: XCTestCase {
    private func request(_ target: String, close: Bool = true) -> [UInt8] {
        Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(close ? "Connection: close\r\n" : "")\r\n".utf8)
    }

    private func name(_ body: String) throws -> String? {
        (try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["name"] as? String
    }

    func testRawAndPercentEncodedUTF8AnswerAlike() async throws {
        let now = 1_775_000_000
        try await OpenWeatherStub.withRunning(configuration: .init(now: { now })) { stub in
            let raw = RawHTTPConnection.responses(
                try RawHTTPConnection.exchange(port: stub.port, request("/data/2.5/weather?q=Zürich&appid=stub-key")))
            let encoded = RawHTTPConnection.responses(
                try RawHTTPConnection.exchange(
                    port: stub.port, request("/data/2.5/weather?q=Z%C3%BCrich&appid=stub-key")))
            XCTAssertEqual(raw.first?.status, 200, raw.first?.body ?? "no response")
            XCTAssertEqual(try name(raw.first?.body ?? ""), "Zürich")
            XCTAssertEqual(raw.first?.body, encoded.first?.body, "the same answer either way")
        }
    }

    func testBodiesAndLaterRequestsOnTheConnectionAreLeftIntact() async throws {
        try await OpenWeatherStub.withRunning { stub in
            let rules = #"[{"fault":"latency","ms":1,"path_prefix":"/data/2.5/wéather"}]"#
            var bytes = Array(
                "PUT /__stub/faults HTTP/1.1\r\nHost: x\r\nContent-Length: \(rules.utf8.count)\r\n\r\n\(rules)".utf8)
            bytes += request(
                "/geo/1.0/direct?q=São Paulo&appid=stub-key".replacingOccurrences(of: " ", with: "%20"),
                close: false)
            bytes += request("/data/2.5/weather?q=Kraków&appid=stub-key")
            let replies = RawHTTPConnection.responses(try RawHTTPConnection.exchange(port: stub.port, bytes))
            XCTAssertEqual(replies.map(\.status), [200, 200, 200], replies.map(\.body).joined(separator: "\n"))
            XCTAssertEqual(stub.faultRules.first?.pathPrefix, "/data/2.5/wéather", "the body was not rewritten")
            XCTAssertEqual(try name(replies.last?.body ?? ""), "Kraków")
        }
    }
}
