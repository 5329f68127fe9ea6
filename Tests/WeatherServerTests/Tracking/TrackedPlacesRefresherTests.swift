import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import OpenWeatherStub
import WeatherCore
import WeatherTesting
import XCTest

@testable import WeatherServer
@testable import WeatherServerCore
@testable import WeatherPages

final class TrackedPlacesRefresherTests: XCTestCase {
    static let place = Place.coordinates(Coordinates(uncheckedLatitude: 51.51, longitude: -0.13))

    func testTrackedPlacesAreWarmedPacedAndRefreshedBeforeTheyExpire() async throws {
        try await ServiceHarness.run(trackedPlaces: [Self.place]) { harness, client in
            let refresher = TrackedPlacesRefresher(
                client: harness.client, places: [Self.place], cachePolicy: harness.dependencies.cachePolicy,
                quota: QuotaPolicy(callsPerMinute: 60), share: 0.5, logger: Logger(label: "test"), clock: harness.clock)
            XCTAssertEqual(refresher.pace, .seconds(2), "half of 60 calls a minute: one refresh every 2 s")
            let task = Task { try await refresher.run() }
            defer { task.cancel() }

            // The first round: one refresh, then the pace; never all three at once.
            for expected in 1...3 {
                try await harness.clock.waitForSleepers(1)
                XCTAssertEqual(Self.upstream(harness), expected, "refreshes are spread at the pace")
                harness.clock.advance(by: .seconds(2))
            }
            try await harness.clock.waitForSleepers(1)
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 1)
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/forecast"), 1)
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/air_pollution"), 1)

            let warm = try await client.execute(uri: "/v1/weather/current?lat=51.51&lon=-0.13", method: .get)
            XCTAssertEqual(warm.headers[.xCache], "HIT", "a tracked place never misses")

            // Current weather is fresh for 600 s; with a 60 s lead it is refreshed at 540 s, before it expires.
            harness.clock.advance(by: .seconds(540))
            try await harness.clock.waitForSleepers(1)
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/weather"), 2)
            XCTAssertEqual(harness.upstreamCalls("/data/2.5/forecast"), 1, "the forecast is not due yet")
            let lookup = try await harness.client.current(for: Self.place)
            XCTAssertEqual(lookup.cacheStatus, .hit)
            XCTAssertEqual(lookup.age, .zero, "the entry was replaced before it went stale")

            let tracked = try await client.execute(uri: "/v1/tracked", method: .get)
            let places = try XCTUnwrap(tracked.json["places"] as? [[String: Any]])
            XCTAssertEqual(places.count, 1)
            XCTAssertEqual(places.first?["cache"] as? String, "HIT")
            XCTAssertNotNil(places.first?["current"] as? [String: Any])
        }
    }

    static func upstream(_ harness: ServiceHarness) -> Int {
        ["/data/2.5/weather", "/data/2.5/forecast", "/data/2.5/air_pollution"].map(harness.upstreamCalls).reduce(0, +)
    }
}
