import Foundation
import WeatherCore
import WeatherTesting
import XCTest

/// Records carrying One Call 4.0 alert ids encode them as `alert_ids` under snake_case (the
/// service's and the CLI's encoding), not Foundation's split `alert_i_ds`.
final class AlertIDsEncodingTests: XCTestCase {
    func testAlertIDsAreAlertIdsInSnakeCase() throws {
        let fixtures = try FixtureDirectory(bundle: .module)
        let current = try OneCall4Current(jsonBytes: Array(try fixtures.string("onecall4-current/spec-example.json").utf8))
        let minutes = try TimelinePage<MinutelyPrecipitation>(
            jsonBytes: Array(try fixtures.string("onecall4-1min/spec-example.json").utf8))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        for text in [
            String(decoding: try encoder.encode(current), as: UTF8.self),
            String(decoding: try encoder.encode(minutes), as: UTF8.self),
        ] {
            XCTAssertTrue(text.contains(#""alert_ids":["#), text)
            XCTAssertFalse(text.contains("alert_i_ds"), text)
        }
    }
}
