import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

final class ForecastTests: XCTestCase {
    func testEveryFixtureDecodes() throws {
        for fixture in try FixtureDirectory(bundle: .module).all(in: "forecast") {
            let forecast = try Forecast(jsonBytes: fixture.bytes)
            XCTAssertEqual(forecast.code, 200, fixture.path)  // sent as the string "200"
            XCTAssertEqual(forecast.entries.count, 40, fixture.path)
            XCTAssertEqual(forecast.count, 40, fixture.path)
            XCTAssertFalse(forecast.city.name.isEmpty, fixture.path)
            XCTAssertNil(forecast.observedAt, fixture.path)
            XCTAssertTrue(forecast.entries.allSatisfy { !$0.conditions.isEmpty }, fixture.path)
        }
    }

    func testSpotCheckLondon() throws {
        let forecast = try Forecast(jsonBytes: FixtureDirectory(bundle: .module).bytes("forecast/0000.json"))
        XCTAssertEqual(forecast.city.name, "London")
        XCTAssertEqual(forecast.city.id, 2_643_743)
        XCTAssertEqual(forecast.city.coordinates, Coordinates(uncheckedLatitude: 51.5085, longitude: -0.1257))
        XCTAssertEqual(forecast.city.country, "GB")
        XCTAssertEqual(forecast.city.population, 1_000_000)
        XCTAssertEqual(forecast.city.utcOffsetSeconds, 0)
        XCTAssertEqual(forecast.city.sunrise, Date(timeIntervalSince1970: 1_774_935_736))
        XCTAssertEqual(forecast.city.sunset, Date(timeIntervalSince1970: 1_774_981_124))
        let step = forecast.entries[3]
        XCTAssertEqual(step.time, Date(timeIntervalSince1970: 1_775_023_200))
        XCTAssertEqual(step.main.temperature.kelvin, 10.73)
        XCTAssertEqual(step.main.feelsLike.kelvin, 10.59)
        XCTAssertEqual(step.main.temperatureMin.kelvin, 9.02)
        XCTAssertEqual(step.main.temperatureMax.kelvin, 11.24)
        XCTAssertEqual(step.main.pressure.hectopascals, 1034)
        XCTAssertEqual(step.main.seaLevelPressure?.hectopascals, 1034)
        XCTAssertEqual(step.main.groundLevelPressure?.hectopascals, 1033)
        XCTAssertEqual(step.main.humidity, 41)
        XCTAssertEqual(step.main.temperatureCorrection, -1.71)
        XCTAssertEqual(step.conditions.first?.description, "clear sky")
        XCTAssertEqual(step.cloudiness, 0)
        XCTAssertEqual(step.wind.speed.metersPerSecond, 3.6)
        XCTAssertEqual(step.wind.direction.degrees, 318)
        XCTAssertEqual(step.wind.gust?.metersPerSecond, 4.73)
        XCTAssertEqual(step.visibility?.meters, 10000)
        XCTAssertEqual(step.precipitationProbability, 0)  // sent as the integer 0
        XCTAssertEqual(step.partOfDay, "d")
        XCTAssertEqual(step.timeText, "2026-04-01 06:00:00")
        XCTAssertNil(step.rain)
        let rainy = forecast.entries[4]
        XCTAssertEqual(rainy.rain?.lastThreeHours?.millimeters, 0.44)
        XCTAssertEqual(rainy.precipitationProbability, 0.55)
        XCTAssertNil(forecast.entries[2].visibility)
        XCTAssertEqual(forecast.localTime(of: step.time).hour, 6)
    }

    func testSnowFixtures() throws {
        var snowy = 0
        for fixture in try FixtureDirectory(bundle: .module).all(in: "forecast") {
            snowy += try Forecast(jsonBytes: fixture.bytes).entries.filter { $0.snow?.lastThreeHours != nil }.count
        }
        XCTAssertGreaterThan(snowy, 0)
    }

    func testMinimalForecastWithOptionalsAbsent() throws {
        let text =
            #"{"list":[{"dt":1,"main":{"temp":280,"pressure":1000,"humidity":50}}],"city":{"coord":{"lat":0,"lon":0},"sunrise":0,"sunset":0}}"#
        let forecast = try Forecast(jsonBytes: Array(text.utf8))
        XCTAssertNil(forecast.code)
        XCTAssertEqual(forecast.count, 1)
        let step = forecast.entries[0]
        XCTAssertNil(step.visibility)
        XCTAssertNil(step.precipitationProbability)
        XCTAssertNil(step.rain)
        XCTAssertNil(step.snow)
        XCTAssertNil(step.wind.gust)
        XCTAssertNil(step.partOfDay)
        XCTAssertNil(step.timeText)
        XCTAssertNil(step.main.temperatureCorrection)
        XCTAssertNil(forecast.city.sunrise)
        XCTAssertNil(forecast.city.sunset)
        XCTAssertNil(forecast.city.country)
        XCTAssertNil(forecast.city.population)
        XCTAssertEqual(forecast.city.name, "")
    }

    func testWrongTypeInTheFourthStepNamesItsPath() throws {
        var object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(FixtureDirectory(bundle: .module).bytes("forecast/0000.json")))
                as? [String: Any])
        var list = try XCTUnwrap(object["list"] as? [[String: Any]])
        var main = try XCTUnwrap(list[3]["main"] as? [String: Any])
        main["temp"] = "warm"
        list[3]["main"] = main
        object["list"] = list
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: object))
        let error = assertDecodingFails(bytes, as: Forecast.self, path: "list[3].main.temp")
        XCTAssertEqual(error?.token, "\"warm\"")
        main.removeValue(forKey: "temp")
        list[3]["main"] = main
        object["list"] = list
        let missing = [UInt8](try JSONSerialization.data(withJSONObject: object))
        assertDecodingFails(missing, as: Forecast.self, path: "list[3].main.temp")
    }
}
