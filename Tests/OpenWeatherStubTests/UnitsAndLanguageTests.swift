import Foundation
import XCTest

@testable import OpenWeatherStub

/// Issue 11, item 12: `units` and `lang` are honoured as OpenWeather honours them, so a client
/// that sends the wrong units gets numbers it will misread.
final class UnitsAndLanguageTests: XCTestCase {
    private let now = 1_775_000_000

    private func object(_ uri: String) throws -> [String: Any] {
        let response = StubRouter.respond(to: StubRequest(uri: uri, now: now, bucketSeconds: 600), apiKey: nil)
        XCTAssertEqual(response.status, 200, response.body)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
    }

    private func current(_ query: String) throws -> (temp: Double, feels: Double, speed: Double, description: String) {
        let json = try object("/data/2.5/weather?q=Oslo\(query)")
        let main = try XCTUnwrap(json["main"] as? [String: Any])
        let wind = try XCTUnwrap(json["wind"] as? [String: Any])
        let weather = try XCTUnwrap((json["weather"] as? [[String: Any]])?.first)
        return (
            try XCTUnwrap(main["temp"] as? Double), try XCTUnwrap(main["feels_like"] as? Double),
            try XCTUnwrap((wind["speed"] as? NSNumber)?.doubleValue), try XCTUnwrap(weather["description"] as? String)
        )
    }

    func testTemperaturesAndSpeedsFollowUnits() throws {
        let kelvin = try current("")
        XCTAssertGreaterThan(kelvin.temp, 200, "standard by default: Kelvin")
        let standard = try current("&units=standard")
        let unknown = try current("&units=kelvinish")
        XCTAssertEqual(standard.temp, kelvin.temp)
        XCTAssertEqual(unknown.temp, kelvin.temp, "unknown units are standard, as on OpenWeather")

        let metric = try current("&units=metric")
        XCTAssertEqual(metric.temp, kelvin.temp - 273.15, accuracy: 0.011)
        XCTAssertEqual(metric.feels, kelvin.feels - 273.15, accuracy: 0.011)
        XCTAssertEqual(metric.speed, kelvin.speed, accuracy: 0.001, "metric speeds are m/s")

        let imperial = try current("&units=imperial")
        XCTAssertEqual(imperial.temp, (kelvin.temp - 273.15) * 9 / 5 + 32, accuracy: 0.02)
        XCTAssertEqual(imperial.speed, kelvin.speed / 0.44704, accuracy: 0.02, "imperial speeds are mph")
    }

    func testForecastAndOneCallFollowUnitsToo() throws {
        func forecastTemp(_ units: String) throws -> Double {
            let list = try XCTUnwrap(try object("/data/2.5/forecast?q=Oslo&cnt=1\(units)")["list"] as? [[String: Any]])
            return try XCTUnwrap((list.first?["main"] as? [String: Any])?["temp"] as? Double)
        }
        XCTAssertEqual(try forecastTemp("&units=metric"), try forecastTemp("") - 273.15, accuracy: 0.011)
        func oneCall(_ units: String) throws -> (current: Double, day: Double) {
            let json = try object("/data/3.0/onecall?lat=59.91&lon=10.75\(units)")
            let current = try XCTUnwrap((json["current"] as? [String: Any])?["temp"] as? Double)
            let daily = try XCTUnwrap((json["daily"] as? [[String: Any]])?.first)
            return (current, try XCTUnwrap((daily["temp"] as? [String: Any])?["day"] as? Double))
        }
        let (kelvin, fahrenheit) = (try oneCall(""), try oneCall("&units=imperial"))
        XCTAssertEqual(fahrenheit.current, (kelvin.current - 273.15) * 1.8 + 32, accuracy: 0.02)
        XCTAssertEqual(fahrenheit.day, (kelvin.day - 273.15) * 1.8 + 32, accuracy: 0.02)
    }

    func testDescriptionsFollowLangWithEnglishForUnknownLanguages() throws {
        let english = try current("")
        let german = try current("&lang=de")
        let french = try current("&lang=fr")
        let unknown = try current("&lang=tlh")
        XCTAssertNotEqual(german.description, english.description)
        XCTAssertNotEqual(french.description, english.description)
        XCTAssertEqual(unknown.description, english.description)
        XCTAssertEqual(german.temp, english.temp, "lang changes words, not numbers")
        let json = try object("/data/2.5/weather?q=Oslo&lang=de")
        let main = (json["weather"] as? [[String: Any]])?.first?["main"] as? String
        let englishMain = (try object("/data/2.5/weather?q=Oslo")["weather"] as? [[String: Any]])?.first?["main"]
        XCTAssertEqual(main, englishMain as? String, "main stays English, as OpenWeather sends it")
        XCTAssertEqual(StubLanguage.german.description(of: 800, english: "clear sky"), "Klarer Himmel")
        XCTAssertEqual(StubLanguage(query: "ES"), .spanish)
    }
}
