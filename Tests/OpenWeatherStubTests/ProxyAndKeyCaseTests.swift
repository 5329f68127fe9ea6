import Foundation
import XCTest

@testable import OpenWeatherStub

/// Issue 30: the stub as a drop-in OpenWeather for any client, over real sockets. pyowm sends the
/// key as `APPID`; a client behind an HTTP proxy sends absolute-form targets
/// (`GET http://api.openweathermap.org/…`), which RFC 9112 §3.2.2 requires servers to accept.
final class ProxyAndKeyCaseTests: XCTestCase {
    private let now = 1_775_000_000
    /// A stub whose clock stands still, so that two requests for the same place answer alike.
    private var fixedClock: OpenWeatherStub.Configuration {
        let now = now
        return .init(now: { now })
    }

    private func request(_ target: String, host: String = "127.0.0.1", close: Bool = true) -> [UInt8] {
        Array("GET \(target) HTTP/1.1\r\nHost: \(host)\r\n\(close ? "Connection: close\r\n" : "")\r\n".utf8)
    }

    /// The responses to `bytes`, sent on one connection to `stub`.
    private func exchange(_ stub: OpenWeatherStub, _ bytes: [UInt8]) throws -> [(status: Int, body: String)] {
        RawHTTPConnection.responses(try RawHTTPConnection.exchange(port: stub.port, bytes))
    }

    func testTheKeyParameterMatchesInAnyCase() async throws {
        try await OpenWeatherStub.withRunning(configuration: fixedClock) { stub in
            let lower = try exchange(stub, request("/data/2.5/weather?q=London&appid=stub-key"))
            XCTAssertEqual(lower.first?.status, 200, lower.first?.body ?? "no response")
            for spelling in ["APPID", "AppId", "appID"] {
                let replies = try exchange(stub, request("/data/2.5/weather?q=London&\(spelling)=stub-key"))
                XCTAssertEqual(replies.first?.status, 200, "\(spelling): \(replies.first?.body ?? "no response")")
                XCTAssertEqual(replies.first?.body, lower.first?.body, spelling)
                let wrong = try exchange(stub, request("/data/2.5/weather?q=London&\(spelling)=not-the-key"))
                XCTAssertEqual(wrong.first?.status, 401, spelling)
            }
        }
    }

    func testEveryParameterNameMatchesInAnyCase() {
        let lower = StubRequest(uri: "/data/2.5/weather?q=Oslo&units=metric&lang=de", now: now, bucketSeconds: 600)
        let upper = StubRequest(uri: "/data/2.5/weather?Q=Oslo&UNITS=metric&Lang=de", now: now, bucketSeconds: 600)
        XCTAssertEqual(upper.query["q"], "Oslo")
        XCTAssertEqual(upper.units, lower.units)
        XCTAssertEqual(upper.language, lower.language)
        XCTAssertEqual(
            StubRouter.respond(to: upper, apiKey: nil).body, StubRouter.respond(to: lower, apiKey: nil).body)
        let repeated = StubRequest(uri: "/x?appid=first&APPID=last", now: now, bucketSeconds: 600)
        XCTAssertEqual(repeated.query["appid"], "last", "a repeated name keeps its last value, whatever its case")
    }

    func testAbsoluteFormTargetsAreServedWhateverTheirHost() async throws {
        try await OpenWeatherStub.withRunning(configuration: fixedClock) { stub in
            let query = "q=London&units=metric&APPID=stub-key"
            let origin = try exchange(stub, request("/data/2.5/weather?\(query)"))
            XCTAssertEqual(origin.first?.status, 200, origin.first?.body ?? "no response")
            for target in [
                "http://api.openweathermap.org/data/2.5/weather?\(query)",
                "HTTP://API.OPENWEATHERMAP.ORG:80/data/2.5/weather?\(query)",
                "https://pro.openweathermap.org/data/2.5/weather/?\(query)",
                "http://127.0.0.1:\(stub.port)/data/2.5/weather?\(query)",
            ] {
                let replies = try exchange(stub, request(target, host: "api.openweathermap.org"))
                XCTAssertEqual(replies.first?.status, 200, "\(target): \(replies.first?.body ?? "no response")")
                XCTAssertEqual(replies.first?.body, origin.first?.body, target)
            }
            let wrongKey = try exchange(
                stub, request("http://api.openweathermap.org/data/2.5/weather?q=London&appid=x"))
            XCTAssertEqual(wrongKey.first?.status, 401)
            let unknown = try exchange(stub, request("http://api.openweathermap.org/nothing/here?\(query)"))
            XCTAssertEqual(unknown.first?.status, 404)
            let counted = stub.stats.requestsByPath
            XCTAssertEqual(counted["/data/2.5/weather"], 5, "counted under the path alone: \(counted)")
            XCTAssertEqual(counted["/data/2.5/weather/"], 1, "as an origin-form target with the slash is")
            XCTAssertTrue(counted.keys.allSatisfy { $0.hasPrefix("/") }, "no scheme or host: \(counted)")
        }
    }

    func testAbsoluteFormReachesFaultsControlAndRawUTF8OnOneConnection() async throws {
        try await OpenWeatherStub.withRunning(configuration: fixedClock) { stub in
            let rules = #"[{"fault":"status","status":503,"path_prefix":"/data/2.5/forecast","times":1}]"#
            var bytes = Array(
                ("PUT http://api.openweathermap.org/__stub/faults HTTP/1.1\r\nHost: api.openweathermap.org\r\n"
                    + "Content-Length: \(rules.utf8.count)\r\n\r\n\(rules)").utf8)
            bytes += request("http://api.openweathermap.org/data/2.5/forecast?q=Tokyo&appid=stub-key", close: false)
            bytes += request("http://api.openweathermap.org/data/2.5/forecast?q=Tokyo&appid=stub-key", close: false)
            bytes += request("http://api.openweathermap.org/data/2.5/weather?q=Zürich&APPID=stub-key")
            let replies = try exchange(stub, bytes)
            XCTAssertEqual(replies.map(\.status), [200, 503, 200, 200], replies.map(\.body).joined(separator: "\n"))
            let current = try JSONSerialization.jsonObject(with: Data((replies.last?.body ?? "").utf8))
            XCTAssertEqual((current as? [String: Any])?["name"] as? String, "Zürich")
        }
    }

    func testOriginFormOfTargets() {
        let cases: [(String, String)] = [
            ("/data/2.5/weather?q=a", "/data/2.5/weather?q=a"),
            ("http://api.openweathermap.org/data/2.5/weather?q=a", "/data/2.5/weather?q=a"),
            ("http://user@host:8080/geo/1.0/direct", "/geo/1.0/direct"),
            ("http://host?q=a", "/?q=a"),
            ("http://host", "/"),
            ("*", "*"),
            ("/path?next=http://elsewhere/x", "/path?next=http://elsewhere/x"),
        ]
        for (target, expected) in cases {
            XCTAssertEqual(String(StubRequest.originForm(target)), expected, target)
        }
    }
}
