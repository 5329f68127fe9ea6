import HTTPTypes
import HummingbirdTesting
import InMemoryTracing
import OpenWeatherStub
import Tracing
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// The spans of a lookup: the server span (routed or fast path), `lookup`, one client span per
/// upstream attempt; the incoming trace honoured; and no secret in any of them.
final class TracingSpansTests: XCTestCase {
    func testAMissAndAFastPathHitMakeServerLookupAndUpstreamSpansOfTheIncomingTrace() async throws {
        let tracer = TestTracer.shared
        try await ServiceHarness.run(tracer: tracer) { _, client in
            let target = "/v1/weather/current?city=Tracetown"
            let parent: HTTPFields = [
                HTTPField.Name(InMemoryTracer.traceIDKey)!: "trace-miss",
                HTTPField.Name(InMemoryTracer.spanIDKey)!: "caller",
            ]
            let miss = try await client.execute(uri: target, method: .get, headers: parent)
            XCTAssertEqual(miss.headers[.xCache], "MISS")
            var hitHeaders: HTTPFields = [:]
            hitHeaders[HTTPField.Name(InMemoryTracer.traceIDKey)!] = "trace-hit"
            hitHeaders[HTTPField.Name(InMemoryTracer.spanIDKey)!] = "caller"
            let hit = try await client.execute(uri: target, method: .get, headers: hitHeaders)
            XCTAssertEqual(hit.headers[.xCache], "HIT")

            let missSpans = TestTracer.spans(ofTrace: "trace-miss")
            let server = try XCTUnwrap(missSpans.first { $0.kind == .server }, "\(missSpans.map(\.operationName))")
            XCTAssertEqual(server.parentSpanID, "caller", "the incoming trace context is honoured")
            XCTAssertEqual(server.operationName, "/v1/weather/current")
            XCTAssertEqual(server.attribute("http.response.status_code"), "200")
            let lookup = try XCTUnwrap(missSpans.first { $0.operationName == "lookup current" })
            XCTAssertEqual(lookup.parentSpanID, server.spanID)
            XCTAssertEqual(lookup.attribute("weather.cache.outcome"), "miss")
            let upstream = try XCTUnwrap(missSpans.first { $0.operationName == "upstream current" })
            XCTAssertEqual(upstream.parentSpanID, lookup.spanID)
            XCTAssertEqual(upstream.kind, .client)
            XCTAssertEqual(upstream.attribute("weather.upstream.attempt"), "1")
            XCTAssertEqual(upstream.attribute("weather.endpoint_family"), "current")
            XCTAssertEqual(upstream.attribute("weather.upstream.outcome"), "ok")

            let hitSpans = TestTracer.spans(ofTrace: "trace-hit")
            XCTAssertEqual(hitSpans.count, 1, "a fast-path hit is one server span: \(hitSpans.map(\.operationName))")
            let fast = try XCTUnwrap(hitSpans.first)
            XCTAssertEqual(fast.kind, .server)
            XCTAssertEqual(fast.parentSpanID, "caller")
            XCTAssertEqual(fast.attribute("weather.fast_path"), "true")
            XCTAssertEqual(fast.attribute("weather.cache"), "HIT")
            XCTAssertEqual(fast.attribute("http.route"), "/v1/weather/current")
        }
    }

    func testNoSecretReachesAnySpan() async throws {
        let tracer = TestTracer.shared
        let key = OpenWeatherStub.Configuration.defaultAPIKey
        try await ServiceHarness.run(tracer: tracer) { _, client in
            var headers: HTTPFields = [:]
            headers[HTTPField.Name(InMemoryTracer.traceIDKey)!] = "trace-secrets"
            headers[HTTPField.Name(InMemoryTracer.spanIDKey)!] = "caller"
            // A client that sends a key of its own gets it redacted in `url.query` too.
            for target in [
                "/v1/weather/current?city=Keytown", "/v1/weather/current?city=Keytown",
                "/v1/weather/forecast?city=Keytown&appid=client-secret-1234",
                "/v1/weather/current?city=Keytown&token=t0k3n-secret",
                // Names are matched in any case, on the routed path as on the fast path.
                "/v1/weather/forecast?city=Keytown&ApiKey=mixed-case-secret-5150",
                "/v1/weather/current?city=Keytown&ACCESS_TOKEN=upper-case-secret-8086",
            ] {
                _ = try await client.execute(uri: target, method: .get, headers: headers)
            }
            let spans = TestTracer.spans(ofTrace: "trace-secrets")
            XCTAssertGreaterThanOrEqual(spans.count, 4)
            let text = TestTracer.text(of: spans)
            for secret in [key, "client-secret-1234", "t0k3n-secret", "mixed-case-secret-5150", "upper-case-secret-8086"] {
                XCTAssertFalse(text.contains(secret), "\(secret) found in spans:\n\(text)")
            }
            XCTAssertFalse(text.lowercased().contains("appid=\(key.lowercased())"))
            XCTAssertTrue(text.contains("appid=REDACTED"), text)
        }
    }

    func testTracingOffAddsNoSpanAndNoMiddleware() async throws {
        try await ServiceHarness.run { _, client in
            var headers: HTTPFields = [:]
            headers[HTTPField.Name(InMemoryTracer.traceIDKey)!] = "trace-off"
            headers[HTTPField.Name(InMemoryTracer.spanIDKey)!] = "caller"
            for _ in 0..<2 {
                _ = try await client.execute(uri: "/v1/weather/current?city=Offtown", method: .get, headers: headers)
            }
            // WeatherCore's upstream span may still go to the bootstrapped test tracer (a library
            // default), but in a trace of its own: with the service's tracing off nothing reads the
            // incoming context, and no server, fast-path or lookup span is made.
            let spans = TestTracer.spans(ofTrace: "trace-off")
            XCTAssertTrue(spans.isEmpty, "\(spans.map(\.operationName))")
        }
    }
}
