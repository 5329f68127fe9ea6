import XCTest

@testable import WeatherCore

/// WeatherCore's single-pass decoders against Foundation's `JSONDecoder` with independent Codable
/// models, over every fixture and its variations: keys reordered, optional members removed,
/// unknown members added (nested too), strings and keys re-escaped as `\uXXXX`, whitespace added.
final class DifferentialTests: XCTestCase {
    func testCurrentWeather() throws {
        let compared = try DifferentialCheck<CurrentWeather, ReferenceCurrentWeather>(
            folder: "current", optionalPaths: ReferenceCurrentWeather.optionalPaths, map: { CurrentWeather(reference: $0) }
        ).run()
        XCTAssertGreaterThan(compared, 0)
    }
}
