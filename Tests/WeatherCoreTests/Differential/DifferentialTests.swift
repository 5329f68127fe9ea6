import XCTest

@testable import WeatherCore

/// WeatherCore's single-pass decoders against Foundation's `JSONDecoder` with independent Codable
/// models, over every fixture and its variations: keys reordered, optional members removed,
/// unknown members added (nested too), strings and keys re-escaped as `\uXXXX`, whitespace added.
final class DifferentialTests: XCTestCase {
    func testCurrentWeather() throws {
        let compared = try DifferentialCheck<CurrentWeather, ReferenceCurrentWeather>(
            folder: "current", optionalPaths: ReferenceCurrentWeather.optionalPaths,
            map: { CurrentWeather(reference: $0) }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }

    func testForecast() throws {
        let compared = try DifferentialCheck<Forecast, ReferenceForecast>(
            folder: "forecast", optionalPaths: ReferenceForecast.optionalPaths, map: { Forecast(reference: $0) }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }

    func testOneCall() throws {
        let compared = try DifferentialCheck<OneCall, ReferenceOneCall>(
            folder: "onecall", optionalPaths: ReferenceOneCall.optionalPaths, map: { OneCall(reference: $0) }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }

    func testAirPollution() throws {
        let compared = try DifferentialCheck<AirPollution, ReferenceAirPollution>(
            folder: "air", optionalPaths: [], map: { AirPollution(reference: $0) }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }

    func testGeocoding() throws {
        let compared = try DifferentialCheck<GeocodingResults, [ReferenceGeocodingResult]>(
            folder: "geo", optionalPaths: ReferenceGeocodingResult.optionalPaths, maps: ["local_names"],
            map: { GeocodingResults(reference: $0) }, normalize: { $0.sortingLocalNames() }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }

    func testOneCall4Current() throws {
        let compared = try DifferentialCheck<OneCall4Current, ReferenceTimelinePage<ReferenceFlatRecord4>>(
            folder: "onecall4-current",
            optionalPaths: ReferenceTimelinePage<ReferenceFlatRecord4>.optionalPaths(ReferenceFlatRecord4.optionalMembers),
            map: { TimelinePage(reference: $0, record: WeatherSnapshot.init(reference4:)) }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }

    func testOneCall4Minutely() throws {
        let compared = try DifferentialCheck<TimelinePage<MinutelyPrecipitation>, ReferenceTimelinePage<ReferenceMinute4>>(
            folder: "onecall4-1min", optionalPaths: ReferenceTimelinePage<ReferenceMinute4>.optionalPaths(["alerts"]),
            map: { TimelinePage(reference: $0, record: MinutelyPrecipitation.init(reference4:)) }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }

    func testOneCall4QuarterHourlyAndHourly() throws {
        for folder in ["onecall4-15min", "onecall4-1h"] {
            let compared = try DifferentialCheck<TimelinePage<HourlyForecast>, ReferenceTimelinePage<ReferenceFlatRecord4>>(
                folder: folder,
                optionalPaths: ReferenceTimelinePage<ReferenceFlatRecord4>.optionalPaths(ReferenceFlatRecord4.optionalMembers),
                map: { TimelinePage(reference: $0, record: HourlyForecast.init(reference4:)) }
            ).run()
            XCTAssertGreaterThan(compared, 0, folder)
        }
    }

    func testOneCall4Daily() throws {
        let compared = try DifferentialCheck<TimelinePage<DailyForecast>, ReferenceTimelinePage<ReferenceDay4>>(
            folder: "onecall4-1day",
            optionalPaths: ReferenceTimelinePage<ReferenceDay4>.optionalPaths(ReferenceDay4.optionalMembers)
                + [["data", "*", "temp", "morn"], ["data", "*", "feels_like"]],
            map: { TimelinePage(reference: $0, record: DailyForecast.init(reference4:)) }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }

    func testOneCall4Alert() throws {
        let compared = try DifferentialCheck<WeatherAlert, ReferenceAlertDetail>(
            folder: "onecall4-alert", optionalPaths: ReferenceAlertDetail.optionalPaths,
            map: { WeatherAlert(reference: $0) }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }
}
