import WeatherCore
import XCTest

final class CachePolicyTests: XCTestCase {
    func testDefaultsFollowOpenWeatherCadence() {
        let policy = CachePolicy()
        XCTAssertEqual(policy.rule(for: .current).freshFor, .seconds(600))
        XCTAssertEqual(policy.rule(for: .oneCall).freshFor, .seconds(600))
        XCTAssertEqual(policy.rule(for: .forecast).freshFor, .seconds(1800))
        XCTAssertEqual(policy.rule(for: .air).freshFor, .seconds(3600))
        XCTAssertEqual(policy.rule(for: .geocoding).freshFor, .seconds(30 * 86400))
        XCTAssertEqual(policy.rule(for: EndpointFamily("other")).freshFor, .seconds(600))
        XCTAssertEqual(policy.notFoundTTL, .seconds(300))
        XCTAssertEqual(policy.jitter, 0.10)
        XCTAssertEqual(policy.coordinatePrecision, 2)
    }

    func testJitterStaysWithinBounds() {
        let policy = CachePolicy()
        let base = Duration.seconds(600)
        XCTAssertEqual(policy.jittered(base, unit: 0), .seconds(540))
        XCTAssertEqual(policy.jittered(base, unit: 0.5), .seconds(600))
        XCTAssertEqual(policy.jittered(base, unit: 1), .seconds(660))
        var generator = SystemRandomNumberGenerator()
        var seen = Set<Int64>()
        for _ in 0..<10_000 {
            let value = policy.jittered(base, unit: Double.random(in: 0..<1, using: &generator))
            XCTAssertGreaterThanOrEqual(value, .seconds(540))
            XCTAssertLessThanOrEqual(value, .seconds(660))
            seen.insert(value.components.seconds)
        }
        XCTAssertGreaterThan(seen.count, 100, "jitter should spread expiries")
        XCTAssertEqual(CachePolicy(jitter: 0).jittered(base, unit: 0.99), base)
        XCTAssertEqual(CachePolicy(jitter: 3).jittered(base, unit: 0), .seconds(300))  // clamped to ±50%
    }
}
