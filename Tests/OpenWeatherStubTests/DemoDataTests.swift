import Foundation
import XCTest

@testable import OpenWeatherStub

/// Issue 11, item 15: demo data a person believes — real zones, a UV index that follows the sun
/// and the clouds, and states only where a country has them.
final class DemoDataTests: XCTestCase {
    private let winter = 1_767_225_600  // 2026-01-01T00:00Z
    private let summer = 1_782_864_000  // 2026-07-01T00:00Z

    private func object(_ uri: String, now: Int) throws -> Any {
        let response = StubRouter.respond(to: StubRequest(uri: uri, now: now, bucketSeconds: 600), apiKey: nil)
        XCTAssertEqual(response.status, 200, response.body)
        return try JSONSerialization.jsonObject(with: Data(response.body.utf8))
    }

    private func oneCall(lat: Double, lon: Double, now: Int) throws -> [String: Any] {
        try XCTUnwrap(try object("/data/3.0/onecall?lat=\(lat)&lon=\(lon)", now: now) as? [String: Any])
    }

    func testKnownCitiesHaveTheirIANAZoneAndItsOffset() throws {
        // the coordinates `geocode Tokyo` gives, as `onecall Tokyo` asks by them
        let tokyo = try oneCall(lat: 35.6895, lon: 139.6917, now: winter)
        XCTAssertEqual(tokyo["timezone"] as? String, "Asia/Tokyo")
        XCTAssertEqual(tokyo["timezone_offset"] as? Int, 9 * 3600)
        let zurichWinter = try oneCall(lat: 47.3667, lon: 8.55, now: winter)
        let zurichSummer = try oneCall(lat: 47.3667, lon: 8.55, now: summer)
        XCTAssertEqual(zurichWinter["timezone"] as? String, "Europe/Zurich")
        XCTAssertEqual(zurichWinter["timezone_offset"] as? Int, 3600)
        XCTAssertEqual(zurichSummer["timezone_offset"] as? Int, 7200, "summer time, as the zone has it")
        let current = try XCTUnwrap(try object("/data/2.5/weather?q=New%20York", now: summer) as? [String: Any])
        XCTAssertEqual(current["timezone"] as? Int, -4 * 3600)
    }

    func testInventedPlacesGetAPlausibleRealZone() throws {
        let somewhere = try oneCall(lat: 10.5, lon: 100.2, now: winter)
        let zone = try XCTUnwrap(somewhere["timezone"] as? String)
        XCTAssertFalse(zone.hasPrefix("Etc/"), zone)
        XCTAssertEqual(zone, "Asia/Bangkok")
        XCTAssertNotNil(TimeZone(identifier: zone), "a zone the system knows")
        for longitude in stride(from: -179.0, through: 179.0, by: 7.5) {
            XCTAssertNotNil(TimeZone(identifier: SyntheticPlace.plausibleZone(longitude: longitude)), "\(longitude)")
        }
    }

    func testDailyUVFollowsLatitudeSeasonAndClouds() throws {
        func dailyUV(lat: Double, lon: Double, now: Int) throws -> [Double] {
            let daily = try XCTUnwrap(try oneCall(lat: lat, lon: lon, now: now)["daily"] as? [[String: Any]])
            return daily.compactMap { ($0["uvi"] as? NSNumber)?.doubleValue }
        }
        let singapore = try dailyUV(lat: 1.29, lon: 103.85, now: winter)
        XCTAssertEqual(singapore.count, 8)
        XCTAssertTrue(singapore.allSatisfy { $0 > 1 }, "the tropics have UV every day: \(singapore)")
        XCTAssertGreaterThan(singapore.max() ?? 0, 8)
        let osloWinter = try dailyUV(lat: 59.91, lon: 10.75, now: winter)
        let osloSummer = try dailyUV(lat: 59.91, lon: 10.75, now: summer)
        XCTAssertLessThan(osloWinter.max() ?? 99, 1, "low sun in January: \(osloWinter)")
        XCTAssertGreaterThan(osloSummer.max() ?? 0, 3, "high sun in July: \(osloSummer)")
        let place = SyntheticPlace.at(latitude: 1.29, longitude: 103.85)
        let noon = WeatherSample.daylight(place: place, time: winter).solarNoon
        XCTAssertGreaterThan(
            WeatherSample.uvIndex(place: place, time: noon, clouds: 0),
            WeatherSample.uvIndex(place: place, time: noon, clouds: 100) * 2, "overcast cuts UV")
        XCTAssertEqual(WeatherSample.uvIndex(place: place, time: noon + 43_200, clouds: 0), 0, "none at night")
    }

    func testNamesakesHaveAStateOnlyWhereTheirCountryHasThem() throws {
        let places = try XCTUnwrap(
            try object("/geo/1.0/direct?q=Springfield,IL,US&limit=5", now: winter) as? [[String: Any]])
        XCTAssertEqual(places.first?["state"] as? String, "IL")
        for place in places.dropFirst() {
            let country = try XCTUnwrap(place["country"] as? String)
            let state = place["state"] as? String
            XCTAssertNotEqual(state, "IL", "\(country) has no Illinois")
            if let state {
                XCTAssertTrue(SyntheticPlace.statesByCountry[country]?.contains(state) ?? false, "\(state), \(country)")
            }
        }
        let london = try XCTUnwrap(try object("/geo/1.0/direct?q=London,GB&limit=5", now: winter) as? [[String: Any]])
        XCTAssertTrue(london.filter { $0["country"] as? String == "GB" }.allSatisfy { $0["state"] == nil })
    }
}
