import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

final class OneCallTests: XCTestCase {
    func testEveryFixtureDecodes() throws {
        for fixture in try FixtureDirectory(bundle: .module).all(in: "onecall") {
            let oneCall = try OneCall(jsonBytes: fixture.bytes)
            XCTAssertNotNil(oneCall.current, fixture.path)
            XCTAssertEqual(oneCall.hourly.count, 48, fixture.path)
            XCTAssertEqual(oneCall.daily.count, 8, fixture.path)
            XCTAssertEqual(oneCall.observedAt, oneCall.current?.time, fixture.path)
            XCTAssertFalse(oneCall.timeZoneIdentifier.isEmpty, fixture.path)
        }
    }

    func testSpotCheckSingapore() throws {
        let oneCall = try OneCall(jsonBytes: FixtureDirectory(bundle: .module).bytes("onecall/0000.json"))
        XCTAssertEqual(oneCall.coordinates, Coordinates(uncheckedLatitude: 1.2897, longitude: 103.8501))
        XCTAssertEqual(oneCall.timeZoneIdentifier, "Asia/Singapore")
        XCTAssertEqual(oneCall.utcOffsetSeconds, 28800)
        let current = try XCTUnwrap(oneCall.current)
        XCTAssertEqual(current.time, Date(timeIntervalSince1970: 1_675_673_487))
        XCTAssertEqual(current.sunrise, Date(timeIntervalSince1970: 1_675_638_365))
        XCTAssertEqual(current.temperature.kelvin, 30.66)
        XCTAssertEqual(current.feelsLike.kelvin, 34.56)
        XCTAssertEqual(current.pressure.hectopascals, 1016)
        XCTAssertEqual(current.humidity, 79)
        XCTAssertEqual(current.dewPoint?.kelvin, 26.46)
        XCTAssertEqual(current.uvIndex, 5.24)
        XCTAssertEqual(current.cloudiness, 5)
        XCTAssertEqual(current.visibility?.meters, 10000)
        XCTAssertEqual(
            current.wind,
            Wind(
                speed: Speed(metersPerSecond: 0.8), direction: Direction(degrees: 256),
                gust: Speed(metersPerSecond: 1.31)))
        XCTAssertEqual(current.conditions.first?.description, "cielo claro")
        XCTAssertEqual(oneCall.minutely.count, 60)
        XCTAssertEqual(
            oneCall.minutely[0],
            MinutelyPrecipitation(
                time: Date(timeIntervalSince1970: 1_675_673_520), precipitation: Precipitation(millimeters: 0)))
        let hour = oneCall.hourly[0]
        XCTAssertEqual(hour.time, Date(timeIntervalSince1970: 1_675_670_400))
        XCTAssertEqual(hour.temperature.kelvin, 25.42)
        XCTAssertEqual(hour.wind.gust?.metersPerSecond, 6.03)
        XCTAssertEqual(hour.precipitationProbability, 0)
        let day = oneCall.daily[0]
        XCTAssertEqual(day.time, Date(timeIntervalSince1970: 1_675_656_000))
        XCTAssertEqual(day.moonrise, Date(timeIntervalSince1970: 1_675_647_351))
        XCTAssertEqual(day.moonset, Date(timeIntervalSince1970: 1_675_687_015))
        XCTAssertEqual(day.moonPhase, 0.5)
        XCTAssertEqual(day.summary, "There will be cloudy until morning, then partly cloudy")
        XCTAssertEqual(day.temperature.day.kelvin, 27.02)
        XCTAssertEqual(day.temperature.min?.kelvin, 21.52)
        XCTAssertEqual(day.temperature.max?.kelvin, 28.4)
        XCTAssertEqual(day.temperature.night?.kelvin, 22.55)
        XCTAssertEqual(day.temperature.evening?.kelvin, 25.64)
        XCTAssertEqual(day.temperature.morning?.kelvin, 22.21)
        XCTAssertEqual(day.feelsLike.day.kelvin, 26.02)
        XCTAssertEqual(day.feelsLike.morning?.kelvin, 20.21)
        XCTAssertEqual(day.wind.gust?.metersPerSecond, 13.27)
        XCTAssertEqual(day.precipitationProbability, 0.04)
        XCTAssertEqual(day.uvIndex, 7.35)
        XCTAssertNil(day.rain)
        let alerts = try XCTUnwrap(oneCall.alerts)
        XCTAssertEqual(alerts.count, 3)
        XCTAssertEqual(alerts[0].senderName, "Met Office")
        XCTAssertEqual(alerts[0].event, "Yellow warning - Rain")
        XCTAssertEqual(alerts[0].start, Date(timeIntervalSince1970: 1_675_666_372))
        XCTAssertEqual(alerts[0].end, Date(timeIntervalSince1970: 1_675_765_110))
        XCTAssertEqual(alerts[0].tags, ["Flood", "Rain"])
        XCTAssertTrue(alerts[0].description.contains("\n\"Spray and flooding"))
        // Local time through the IANA zone: 1675673487 = 08:51:27 UTC = 16:51:27 in Singapore.
        XCTAssertEqual(oneCall.localTime(of: current.time).hour, 16)
        XCTAssertEqual(oneCall.timeZone.identifier, "Asia/Singapore")
    }

    func testDailyRainIsABareNumberAndMoonriseZeroIsNil() throws {
        var sawRain = false
        for fixture in try FixtureDirectory(bundle: .module).all(in: "onecall") {
            let hasRain = try OneCall(jsonBytes: fixture.bytes).daily.contains { $0.rain != nil }
            sawRain = sawRain || hasRain
        }
        XCTAssertTrue(sawRain)
        let sydney = try OneCall(jsonBytes: FixtureDirectory(bundle: .module).bytes("onecall/0002.json"))
        XCTAssertNil(sydney.daily[1].moonrise)
        XCTAssertNotNil(sydney.daily[0].moonrise)
        let noMinutely = try OneCall(jsonBytes: FixtureDirectory(bundle: .module).bytes("onecall/0001.json"))
        XCTAssertEqual(noMinutely.minutely, [])
    }

    func testOptionalBlocksAbsent() throws {
        let text =
            #"{"lat":1,"lon":2,"timezone":"Nowhere/Unknown","timezone_offset":3600,"daily":[{"dt":1,"temp":{"day":280},"pressure":1000,"humidity":50}],"hourly":[{"dt":1,"temp":280,"pressure":1000,"humidity":50}]}"#
        let oneCall = try OneCall(jsonBytes: Array(text.utf8))
        XCTAssertNil(oneCall.current)
        XCTAssertNil(oneCall.alerts)
        XCTAssertEqual(oneCall.minutely, [])
        XCTAssertNil(oneCall.observedAt)
        XCTAssertEqual(oneCall.timeZone.secondsFromGMT(), 3600)  // unknown IANA name: the offset
        let day = oneCall.daily[0]
        XCTAssertNil(day.sunrise)
        XCTAssertNil(day.moonrise)
        XCTAssertNil(day.moonPhase)
        XCTAssertNil(day.summary)
        XCTAssertNil(day.rain)
        XCTAssertNil(day.snow)
        XCTAssertNil(day.precipitationProbability)
        XCTAssertNil(day.wind.gust)
        XCTAssertNil(day.temperature.min)
        XCTAssertEqual(day.feelsLike.day.kelvin, 280)
        let hour = oneCall.hourly[0]
        XCTAssertNil(hour.visibility)
        XCTAssertNil(hour.rain)
        XCTAssertNil(hour.snow)
        XCTAssertNil(hour.precipitationProbability)
        XCTAssertNil(hour.dewPoint)
    }

    func testMissingKeysInNestedArraysNameThePath() {
        assertDecodingFails(
            #"{"lat":1,"lon":2,"hourly":[{"dt":1,"temp":1,"pressure":1,"humidity":1},{"dt":2,"pressure":1,"humidity":1}]}"#,
            as: OneCall.self, path: "hourly[1].temp")
        assertDecodingFails(
            #"{"lat":1,"lon":2,"daily":[{"dt":1,"temp":{"min":1},"pressure":1,"humidity":1}]}"#, as: OneCall.self,
            path: "daily[0].temp.day")
        assertDecodingFails(
            #"{"lat":1,"lon":2,"current":{"dt":1,"temp":1,"pressure":1,"humidity":"x"}}"#, as: OneCall.self,
            path: "current.humidity")
        assertDecodingFails(
            #"{"lat":1,"lon":2,"alerts":[{"start":1,"end":2,"tags":[1]}]}"#, as: OneCall.self, path: "alerts[0].tags[0]"
        )
    }

    func testTimemachine() throws {
        let text =
            #"{"lat":52.2297,"lon":21.0122,"timezone":"Europe/Warsaw","timezone_offset":3600,"data":[{"dt":1645888976,"sunrise":1645853361,"sunset":1645891727,"temp":279.13,"feels_like":276.44,"pressure":1029,"humidity":64,"dew_point":272.88,"uvi":0.06,"clouds":0,"visibility":10000,"wind_speed":3.6,"wind_deg":340,"weather":[{"id":800,"main":"Clear","description":"clear sky","icon":"01d"}]}]}"#
        let history = try HistoricalWeather(jsonBytes: Array(text.utf8))
        XCTAssertEqual(history.coordinates, Coordinates(uncheckedLatitude: 52.2297, longitude: 21.0122))
        XCTAssertEqual(history.timeZoneIdentifier, "Europe/Warsaw")
        XCTAssertEqual(history.utcOffsetSeconds, 3600)
        XCTAssertEqual(history.data.count, 1)
        let point = history.data[0]
        XCTAssertEqual(point.time, Date(timeIntervalSince1970: 1_645_888_976))
        XCTAssertEqual(point.temperature.kelvin, 279.13)
        XCTAssertEqual(point.dewPoint?.kelvin, 272.88)
        XCTAssertEqual(point.wind.direction.degrees, 340)
        XCTAssertNil(point.wind.gust)
        XCTAssertNil(point.rain)
        XCTAssertEqual(history.observedAt, point.time)
        XCTAssertEqual(history.localTime(of: point.time).hour, 16)  // 15:22:56 UTC = 16:22:56 CET
        assertDecodingFails(
            #"{"lat":1,"lon":2,"timezone":"UTC","timezone_offset":0}"#, as: HistoricalWeather.self, path: "data")
    }

    func testDaySummary() throws {
        let text =
            #"{"lat":33,"lon":35,"tz":"+02:00","date":"2020-03-04","units":"standard","cloud_cover":{"afternoon":0},"humidity":{"afternoon":33},"precipitation":{"total":0},"temperature":{"min":286.48,"max":299.24,"afternoon":296.15,"night":289.56,"evening":295.93,"morning":287.59},"pressure":{"afternoon":1015},"wind":{"max":{"speed":8.7,"direction":120}}}"#
        let summary = try DaySummary(jsonBytes: Array(text.utf8))
        XCTAssertEqual(summary.coordinates, Coordinates(uncheckedLatitude: 33, longitude: 35))
        XCTAssertEqual(summary.utcOffset, "+02:00")
        XCTAssertEqual(summary.timeZone?.secondsFromGMT(), 7200)
        XCTAssertEqual(summary.date, "2020-03-04")
        XCTAssertEqual(summary.units, "standard")
        XCTAssertEqual(summary.cloudCoverAfternoon, 0)
        XCTAssertEqual(summary.humidityAfternoon, 33)
        XCTAssertEqual(summary.precipitationTotal, Precipitation(millimeters: 0))
        XCTAssertEqual(summary.temperature.min?.kelvin, 286.48)
        XCTAssertEqual(summary.temperature.max?.kelvin, 299.24)
        XCTAssertEqual(summary.temperature.afternoon?.kelvin, 296.15)
        XCTAssertEqual(summary.temperature.night?.kelvin, 289.56)
        XCTAssertEqual(summary.temperature.evening?.kelvin, 295.93)
        XCTAssertEqual(summary.temperature.morning?.kelvin, 287.59)
        XCTAssertEqual(summary.pressureAfternoon?.hectopascals, 1015)
        XCTAssertEqual(
            summary.maximumWind, Wind(speed: Speed(metersPerSecond: 8.7), direction: Direction(degrees: 120)))
        XCTAssertNil(summary.observedAt)
        let minimal = try DaySummary(jsonBytes: Array(#"{"lat":1,"lon":2,"tz":"-05:30","date":"2024-01-01"}"#.utf8))
        XCTAssertNil(minimal.maximumWind)
        XCTAssertNil(minimal.precipitationTotal)
        XCTAssertEqual(minimal.timeZone?.secondsFromGMT(), -19800)
        assertDecodingFails(
            #"{"lat":1,"lon":2,"date":"x","temperature":{"min":"cold"}}"#, as: DaySummary.self, path: "temperature.min")
    }

    func testOverview() throws {
        let text =
            #"{"lat":51.509865,"lon":-0.118092,"tz":"+01:00","date":"2024-05-13","units":"metric","weather_overview":"The current weather is overcast with a temperature of 16\u00b0C."}"#
        let overview = try WeatherOverview(jsonBytes: Array(text.utf8))
        XCTAssertEqual(overview.coordinates, Coordinates(uncheckedLatitude: 51.509865, longitude: -0.118092))
        XCTAssertEqual(overview.utcOffset, "+01:00")
        XCTAssertEqual(overview.date, "2024-05-13")
        XCTAssertEqual(overview.units, "metric")
        XCTAssertEqual(overview.overview, "The current weather is overcast with a temperature of 16°C.")
        XCTAssertEqual(overview.timeZone?.secondsFromGMT(), 3600)
        assertDecodingFails(#"{"lat":1,"lon":2}"#, as: WeatherOverview.self, path: "weather_overview")
    }
}
