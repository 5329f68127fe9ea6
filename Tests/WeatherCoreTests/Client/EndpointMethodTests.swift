import Foundation
import WeatherCore
import WeatherTesting
import XCTest

final class EndpointMethodTests: XCTestCase {
    private func client(_ transport: ScriptedTransport, _ clock: ManualClock) -> WeatherClient {
        WeatherClient(
            transport: transport, configuration: .init(apiKey: APIKey("test-key"), quota: .unlimited, oneCallVersion: .v3), clock: clock,
            random: .constant(0.5))
    }

    func testEveryFamilyDecodesItsFixtureAndCachesIt() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport(clock: clock)
        let client = client(transport, clock)
        let zurich = try Coordinates(latitude: 47.37, longitude: 8.54)
        let fixtures = try FixtureDirectory(bundle: .module)
        transport.enqueue(.path("/data/2.5/forecast"), .json(try fixtures.string("forecast/0000.json")))
        transport.enqueue(.path("/data/3.0/onecall"), .json(try fixtures.string("onecall/0000.json")))
        transport.enqueue(.path("/data/2.5/air_pollution"), .json(try fixtures.string("air/0000.json")))
        transport.enqueue(.path("/geo/1.0/direct"), .json(try fixtures.string("geo/0000.json")))

        for _ in 0..<2 {
            let forecast = try await client.forecast(for: .city(name: "Zürich", country: "CH"))
            let oneCall = try await client.oneCall(for: zurich)
            let air = try await client.airPollution(for: zurich)
            let places = try await client.geocode(city: "Zürich")
            XCTAssertFalse(forecast.value.entries.isEmpty)
            XCTAssertNotNil(oneCall.value.observedAt)
            XCTAssertFalse(air.value.readings.isEmpty)
            XCTAssertFalse(places.value.places.isEmpty)
        }
        XCTAssertEqual(transport.requestCount, 4, "the second round was served from the cache")
        XCTAssertNoThrow(try transport.verifyAllConsumed())
        XCTAssertTrue(transport.requests.allSatisfy { $0.head.absoluteURL.hasSuffix("appid=test-key") })
    }

    func testInvalidInputFailsBeforeAnyCall() async throws {
        let clock = ManualClock()
        let transport = ScriptedTransport(clock: clock)
        let error = await weatherError { _ = try await self.client(transport, clock).current(for: .city(name: "  ")) }
        XCTAssertEqual(error?.code, .invalidRequest)
        XCTAssertEqual(transport.requestCount, 0)
    }
}
