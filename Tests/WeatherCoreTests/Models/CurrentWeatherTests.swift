import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

final class CurrentWeatherTests: XCTestCase {
    func testEveryFixtureDecodes() throws {
        for fixture in try FixtureDirectory(bundle: .module).all(in: "current") {
            let weather = try CurrentWeather(jsonBytes: fixture.bytes)
            XCTAssertFalse(weather.conditions.isEmpty, fixture.path)
            XCTAssertEqual(weather.code, 200, fixture.path)
            XCTAssertEqual(weather.observedAt, weather.time, fixture.path)
        }
    }

    func testSpotCheckMoscow() throws {
        let weather = try CurrentWeather(jsonBytes: FixtureDirectory(bundle: .module).bytes("current/0000.json"))
        XCTAssertEqual(weather.name, "Moscow")
        XCTAssertEqual(weather.cityID, 524901)
        XCTAssertEqual(weather.coordinates, Coordinates(uncheckedLatitude: 55.7522, longitude: 37.6156))
        XCTAssertEqual(
            weather.conditions, [WeatherCondition(id: 800, main: "Clear", description: "clear sky", icon: "01n")])
        XCTAssertEqual(weather.base, "stations")
        XCTAssertEqual(weather.main.temperature, Temperature(kelvin: 61.89))
        XCTAssertEqual(weather.main.feelsLike.kelvin, 61.89)
        XCTAssertEqual(weather.main.temperatureMin.kelvin, 57.51)
        XCTAssertEqual(weather.main.temperatureMax.kelvin, 62.05)
        XCTAssertEqual(weather.main.pressure.hectopascals, 1008)
        XCTAssertEqual(weather.main.humidity, 76)
        XCTAssertEqual(weather.main.seaLevelPressure?.hectopascals, 1008)
        XCTAssertEqual(weather.main.groundLevelPressure?.hectopascals, 1007)
        XCTAssertEqual(weather.visibility?.meters, 10000)
        XCTAssertEqual(
            weather.wind,
            Wind(
                speed: Speed(metersPerSecond: 6.18), direction: Direction(degrees: 202),
                gust: Speed(metersPerSecond: 10.57)))
        XCTAssertEqual(weather.cloudiness, 8)
        XCTAssertEqual(weather.time, Date(timeIntervalSince1970: 1_724_958_944))
        XCTAssertEqual(weather.country, "RU")
        XCTAssertEqual(weather.systemType, 2)
        XCTAssertEqual(weather.systemID, 553917)
        XCTAssertEqual(weather.sunrise, Date(timeIntervalSince1970: 1_724_899_137))
        XCTAssertEqual(weather.sunset, Date(timeIntervalSince1970: 1_724_948_407))
        XCTAssertEqual(weather.utcOffsetSeconds, 10800)
        XCTAssertNil(weather.rain)
        XCTAssertNil(weather.snow)
        let local = weather.localTime(of: weather.time)
        XCTAssertEqual(local.hour, 22)  // 19:15:44 UTC + 3 h
        XCTAssertEqual(local.minute, 15)
        XCTAssertEqual(local.timeZone?.secondsFromGMT(), 10800)
    }

    func testNonASCIIName() throws {
        let weather = try CurrentWeather(jsonBytes: FixtureDirectory(bundle: .module).bytes("current/0003.json"))
        XCTAssertEqual(weather.name, "İstanbul")
    }

    static let minimal =
        #"{"coord":{"lon":1,"lat":2},"main":{"temp":280,"pressure":1000,"humidity":50},"dt":1700000000}"#

    func testOptionalFieldsAbsent() throws {
        let weather = try CurrentWeather(jsonBytes: Array(Self.minimal.utf8))
        XCTAssertNil(weather.visibility)
        XCTAssertNil(weather.wind.gust)
        XCTAssertNil(weather.rain)
        XCTAssertNil(weather.snow)
        XCTAssertNil(weather.main.seaLevelPressure)
        XCTAssertNil(weather.main.groundLevelPressure)
        XCTAssertNil(weather.sunrise)
        XCTAssertNil(weather.sunset)
        XCTAssertNil(weather.country)
        XCTAssertNil(weather.code)
        XCTAssertNil(weather.base)
        XCTAssertEqual(weather.name, "")
        XCTAssertEqual(weather.main.feelsLike.kelvin, 280)
    }

    func testPolarSunriseZeroIsNil() throws {
        let text =
            #"{"coord":{"lon":1,"lat":89},"main":{"temp":250,"pressure":1000,"humidity":50},"dt":1,"sys":{"sunrise":0,"sunset":0}}"#
        let weather = try CurrentWeather(jsonBytes: Array(text.utf8))
        XCTAssertNil(weather.sunrise)
        XCTAssertNil(weather.sunset)
    }

    func testRainSnowAndNullOptionals() throws {
        let text =
            #"{"coord":{"lon":1,"lat":2},"main":{"temp":280,"pressure":1000,"humidity":50,"sea_level":null},"dt":1,"rain":{"1h":0.25},"snow":{"3h":1.5},"wind":{"speed":2,"deg":90,"gust":null},"visibility":null}"#
        let weather = try CurrentWeather(jsonBytes: Array(text.utf8))
        XCTAssertEqual(weather.rain, PrecipitationVolume(lastHour: Precipitation(millimeters: 0.25)))
        XCTAssertEqual(weather.snow, PrecipitationVolume(lastThreeHours: Precipitation(millimeters: 1.5)))
        XCTAssertNil(weather.wind.gust)
        XCTAssertNil(weather.visibility)
    }

    func testCodAsIntOrString() throws {
        for (form, expected) in [("200", 200), ("\"200\"", 200), ("\"404\"", 404), ("null", nil)] as [(String, Int?)] {
            let text = Self.minimal.dropLast() + ",\"cod\":\(form)}"
            XCTAssertEqual(try CurrentWeather(jsonBytes: Array(text.utf8)).code, expected, form)
        }
        assertDecodingFails(Self.minimal.dropLast() + ",\"cod\":\"abc\"}", as: CurrentWeather.self, path: "cod")
        assertDecodingFails(Self.minimal.dropLast() + ",\"cod\":true}", as: CurrentWeather.self, path: "cod")
    }

    func testKeysInAnyOrderAndUnknownFieldsSkipped() throws {
        let original = try FixtureDirectory(bundle: .module).bytes("current/0000.json")
        let reference = try CurrentWeather(jsonBytes: original)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(original)) as? [String: Any])
        var generator = SplitMix64(seed: 7)
        for _ in 0..<10 {
            // Rebuild with shuffled top-level keys and extra unknown members of every kind.
            var members = object.map { (key, value) -> String in
                let data = try! JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
                return "\"\(key)\":" + String(decoding: data, as: UTF8.self)
            }
            members.append(#""extra_object":{"a":[1,{"b":null}],"c":"\u00e9"}"#)
            members.append(#""extra_array":[[],[{}],"x",-1.5e3,true,false,null]"#)
            members.append(#""unknown":"value""#)
            members.shuffle(using: &generator)
            let text = "{" + members.joined(separator: ",") + "}"
            XCTAssertEqual(try CurrentWeather(jsonBytes: Array(text.utf8)), reference)
        }
    }

    func testEscapedKeysAndDuplicates() throws {
        let text =
            #"{"co\u006Frd":{"lon":1,"lat":2},"main":{"te\u006dp":280,"pressure":1000,"humidity":50},"dt":1,"name":"A","name":"B\u00fc"}"#
        let weather = try CurrentWeather(jsonBytes: Array(text.utf8))
        XCTAssertEqual(weather.main.temperature.kelvin, 280)
        XCTAssertEqual(weather.coordinates.longitude, 1)
        XCTAssertEqual(weather.name, "Bü")
    }

    func testWrongTypesNameThePath() {
        let cases: [(String, String)] = [
            (#"{"coord":{"lon":1,"lat":2},"main":{"temp":"hot","pressure":1000,"humidity":50},"dt":1}"#, "main.temp"),
            (#"{"coord":{"lon":1,"lat":"x"},"main":{"temp":1,"pressure":1000,"humidity":50},"dt":1}"#, "coord.lat"),
            (#"{"coord":{"lon":1,"lat":2},"main":{"temp":1,"pressure":1000,"humidity":50.5},"dt":1}"#, "main.humidity"),
            (
                #"{"coord":{"lon":1,"lat":2},"main":{"temp":1,"pressure":1000,"humidity":50},"dt":1,"weather":[{"id":1},{"id":"2"}]}"#,
                "weather[1].id"
            ),
            (#"{"coord":{"lon":1,"lat":2},"main":{"temp":1,"pressure":1000,"humidity":50},"dt":1.5}"#, "dt"),
            (#"{"coord":[],"main":{"temp":1,"pressure":1000,"humidity":50},"dt":1}"#, "coord"),
            (#"[]"#, ""),
        ]
        for (text, path) in cases {
            assertDecodingFails(text, as: CurrentWeather.self, path: path)
        }
        let error = assertDecodingFails(cases[0].0, as: CurrentWeather.self)
        XCTAssertEqual(error?.token, "\"hot\"")
    }

    func testMissingRequiredKeysNameThePath() {
        assertDecodingFails(
            #"{"coord":{"lon":1,"lat":2},"main":{"pressure":1000,"humidity":50},"dt":1}"#, as: CurrentWeather.self,
            path: "main.temp")
        assertDecodingFails(
            #"{"coord":{"lon":1},"main":{"temp":1,"pressure":1000,"humidity":50},"dt":1}"#, as: CurrentWeather.self,
            path: "coord.lat")
        assertDecodingFails(
            #"{"coord":{"lon":1,"lat":2},"main":{"temp":1,"pressure":1000,"humidity":50}}"#, as: CurrentWeather.self,
            path: "dt")
        assertDecodingFails(
            #"{"coord":{"lon":1,"lat":2},"main":{"temp":1,"pressure":1000,"humidity":50},"dt":1,"weather":[{"main":"x"}]}"#,
            as: CurrentWeather.self, path: "weather[0].id")
    }

    func testEveryTruncationThrows() throws {
        let bytes = try FixtureDirectory(bundle: .module).bytes("current/0000.json")
        for length in 0..<bytes.count {
            assertDecodingFails(Array(bytes[0..<length]), as: CurrentWeather.self)
        }
    }
}
