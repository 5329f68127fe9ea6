import Foundation
import WeatherCore
import WeatherTesting
import XCTest

final class OpenWeatherAdapterTests: XCTestCase {
    private let secretText = "0123456789abcdef0123456789abcdef"
    private var secret: APIKey { APIKey(secretText) }

    private func key(_ request: OpenWeatherRequest) -> String {
        WeatherClient(transport: ScriptedTransport(), configuration: .init(apiKey: secret)).cacheKey(for: request).rawValue
    }

    func testKeysFromRequestsNeverHoldTheAPIKeyOrUnits() throws {
        let coordinates = try Coordinates(latitude: 47.3769, longitude: 8.5417)
        let requests = [
            try OpenWeatherRequest.current(.city(name: " Zürich ", country: "CH"), language: "de"),
            try OpenWeatherRequest.forecast(.zip(code: "94040", country: "US"), count: 8),
            try OpenWeatherRequest.oneCall(coordinates),
            try OpenWeatherRequest.airPollution(coordinates),
            try OpenWeatherRequest.geocode(city: "Paris"),
        ]
        for request in requests {
            XCTAssertTrue(request.httpRequest(apiKey: secret).head.absoluteURL.contains(secretText), "the key is sent upstream")
            let key = key(request)
            XCTAssertFalse(key.contains(secretText), key)
            XCTAssertFalse(key.contains("appid"), key)
            XCTAssertFalse(key.contains("units"), key)
        }
        XCTAssertEqual(key(requests[0]), "wt:v2:current:city=zürich,ch:lang=de")
        XCTAssertEqual(key(requests[1]), "wt:v2:forecast:zip=94040,us:cnt=8:lang=en")
        XCTAssertEqual(key(requests[2]), "wt:v2:onecall:lat=47.38,lon=8.54:lang=en")
    }

    func testFamiliesAndDistinctEndpointKeys() throws {
        let coordinates = try Coordinates(latitude: 10, longitude: 20)
        let onecall = try OpenWeatherRequest.oneCall(coordinates)
        let overview = try OpenWeatherRequest.overview(coordinates)
        XCTAssertEqual(onecall.family, .oneCall)
        XCTAssertEqual(overview.family, .oneCall)
        XCTAssertNotEqual(key(onecall), key(overview))
        XCTAssertEqual(try OpenWeatherRequest.geocode(zip: "10115", country: "DE").family, .geocoding)
        XCTAssertEqual(try OpenWeatherRequest.airPollutionForecast(coordinates).family, .air)
        XCTAssertEqual(
            Endpoint.allCases.filter { $0.family == .oneCall },
            [
                .oneCall, .timeMachine, .daySummary, .overview, .oneCall4Current, .oneCall4Minutely,
                .oneCall4QuarterHourly, .oneCall4Hourly, .oneCall4Daily, .oneCall4Alert,
            ])
    }

    func testCurrentForPlaceDecodesAFixtureAndCachesIt() async throws {
        let body = try FixtureDirectory(bundle: .module).string("current/0000.json")
        let clock = ManualClock()
        let transport = ScriptedTransport(clock: clock)
        transport.enqueue(.path("/data/2.5/weather"), .json(body))
        let client = WeatherClient(
            transport: transport, configuration: .init(apiKey: secret, quota: .unlimited), clock: clock,
            random: .constant(0.5))
        let first = try await client.current(for: .city(name: "London", country: "GB"))
        let second = try await client.current(for: .city(name: "london", country: "gb"))
        XCTAssertEqual(first.cacheStatus, .miss)
        XCTAssertEqual(second.cacheStatus, .hit)
        XCTAssertEqual(first.value, second.value)
        XCTAssertEqual(transport.requestCount, 1)
        XCTAssertTrue(transport.requests[0].head.absoluteURL.contains("units=standard"))
        XCTAssertFalse(first.key.rawValue.contains(secretText))
    }
}
