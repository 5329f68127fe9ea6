import XCTest

@testable import WeatherCore

/// The differential check itself notices a difference: a mapping that is off on one field, or a
/// reference that rejects what WeatherCore accepts, is reported.
final class DifferentialCheckTests: XCTestCase {
    func testAWrongMappingIsReported() throws {
        let check = DifferentialCheck<CurrentWeather, ReferenceCurrentWeather>(
            folder: "current", optionalPaths: [],
            map: { reference in
                var model = CurrentWeather(reference: reference)
                model.main.humidity += 1
                return model
            })
        let outcome = try check.compare(variations: [])
        XCTAssertEqual(outcome.compared, outcome.differences.count)
        XCTAssertTrue(outcome.differences.allSatisfy { $0.hasPrefix("models differ for current/") })
    }

    func testARejectionIsReported() throws {
        let check = DifferentialCheck<CurrentWeather, [ReferenceGeocodingResult]>(
            folder: "current", optionalPaths: [], map: { _ in fatalError("never reached: the reference rejects") })
        let outcome = try check.compare(variations: [])
        XCTAssertEqual(outcome.compared, 0)
        XCTAssertFalse(outcome.differences.isEmpty)
        XCTAssertTrue(outcome.differences.allSatisfy { $0.hasPrefix("the reference rejects") })
    }
}
