import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

/// The JSON rendering `weather-tracker decode` prints: every unit named in its key.
final class ModelEncodingTests: XCTestCase {
    private func render(_ value: some Encodable) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .secondsSince1970
        return try XCTUnwrap(JSONSerialization.jsonObject(with: encoder.encode(value)) as? [String: Any])
    }

    func testCurrentWeatherNamesUnits() throws {
        let object = try render(CurrentWeather(jsonBytes: FixtureDirectory(bundle: .module).bytes("current/0000.json")))
        let main = try XCTUnwrap(object["main"] as? [String: Any])
        XCTAssertEqual((main["temperature"] as? [String: Any])?["kelvin"] as? Double, 61.89)
        XCTAssertEqual((main["pressure"] as? [String: Any])?["hectopascals"] as? Double, 1008)
        let wind = try XCTUnwrap(object["wind"] as? [String: Any])
        XCTAssertEqual((wind["speed"] as? [String: Any])?["meters_per_second"] as? Double, 6.18)
        XCTAssertEqual((wind["direction"] as? [String: Any])?["degrees"] as? Double, 202)
        XCTAssertEqual((object["visibility"] as? [String: Any])?["meters"] as? Double, 10000)
        XCTAssertEqual(object["time"] as? Double, 1_724_958_944)
    }

    func testOtherModelsEncode() throws {
        let oneCall = try render(OneCall(jsonBytes: FixtureDirectory(bundle: .module).bytes("onecall/0000.json")))
        let daily = try XCTUnwrap((oneCall["daily"] as? [[String: Any]])?.first)
        XCTAssertNotNil(daily["moon_phase"])
        let minutely = try XCTUnwrap((oneCall["minutely"] as? [[String: Any]])?.first)
        XCTAssertNotNil((minutely["precipitation"] as? [String: Any])?["millimeters"])
        let air = try render(AirPollution(jsonBytes: FixtureDirectory(bundle: .module).bytes("air/0000.json")))
        let components = try XCTUnwrap((air["readings"] as? [[String: Any]])?.first?["components"] as? [String: Any])
        XCTAssertEqual(components["co_micrograms_per_cubic_meter"] as? Double, 259.78)
        let geo = try JSONEncoder().encode(
            GeocodingResults(jsonBytes: FixtureDirectory(bundle: .module).bytes("geo/0002.json")))
        let places = try XCTUnwrap(JSONSerialization.jsonObject(with: geo) as? [[String: Any]])
        XCTAssertEqual((places.first?["localNames"] as? [String: String])?["ko"], "말뫼")
    }
}
