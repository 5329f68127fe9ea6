import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

/// `weather_upstream_requests_total{endpoint,version}`: each upstream target named by its endpoint
/// and API version, under a proxy's prefix too.
final class UpstreamRequestLabelsTests: XCTestCase {
    func testEveryTargetIsNamedByItsEndpointAndVersion() {
        let cases: [(String, String, String)] = [
            ("/data/2.5/weather?q=London&appid=K", "current", "2.5"),
            ("/data/3.0/onecall?lat=1&lon=2&appid=K", "onecall", "3.0"),
            ("/data/3.0/onecall/timemachine?dt=1&appid=K", "timemachine", "3.0"),
            ("/data/4.0/onecall/current?lat=1&lon=2", "onecall4-current", "4.0"),
            ("/data/4.0/onecall/timeline/15min?start=1", "onecall4-15min", "4.0"),
            ("/data/4.0/onecall/timeline/1h", "onecall4-1h", "4.0"),
            ("/data/4.0/onecall/alert/2.49.0.0.276.0.DE.261205040000.W%3AHeat%3A0001?appid=K", "onecall4-alert", "4.0"),
            ("/proxy/prefix/data/2.5/air_pollution/history?start=1", "air-history", "2.5"),
            ("/geo/1.0/zip?zip=10001", "geo-zip", "1.0"),
            ("/somewhere/else", "other", ""),
        ]
        for (target, endpoint, version) in cases {
            let labels = TimedTransport.labels(of: target)
            XCTAssertEqual(labels.endpoint, endpoint, target)
            XCTAssertEqual(labels.version, version, target)
        }
    }
}
