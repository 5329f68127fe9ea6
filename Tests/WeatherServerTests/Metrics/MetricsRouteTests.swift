import HTTPTypes
import HummingbirdTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

final class MetricsRouteTests: XCTestCase {
    func testMetricsCountRequestsLookupsAndUpstreamCalls() async throws {
        try await ServiceHarness.run { _, client in
            _ = try await client.execute(uri: "/v1/weather/current?city=Graz", method: .get)
            _ = try await client.execute(uri: "/v1/weather/current?city=Graz", method: .get)
            _ = try await client.execute(uri: "/v1/weather/current?units=x&city=Graz", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertTrue(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = response.text
            for expected in [
                #"http_requests_total{route="/v1/weather/current",method="GET",status="200"} 2"#,
                #"http_requests_total{route="/v1/weather/current",method="GET",status="400"} 1"#,
                #"weather_lookups_total{family="current",cache="miss"} 1"#,
                #"weather_lookups_total{family="current",cache="hit"} 1"#,
                #"weather_upstream_calls_total{family="current"} 1"#,
                #"http_request_duration_seconds_bucket{route="/v1/weather/current",method="GET",status="200",le="0.0001"}"#,
                "weather_upstream_request_duration_seconds_count",
                "weather_near_cache_entries 2",
                "http_requests_in_flight",
            ] {
                XCTAssertTrue(text.contains(expected), "missing \(expected) in\n\(text)")
            }
        }
    }
}
