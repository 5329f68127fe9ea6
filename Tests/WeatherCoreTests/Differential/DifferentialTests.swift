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
}
