import ArgumentParser
import OpenWeatherStub
import XCTest

@testable import weather_tracker

/// `weather-tracker stub`'s One Call options become the stub's configuration; bad names are refused.
final class StubCommandOptionsTests: XCTestCase {
    func testDefaultsAreBothPlansAndNoQuirks() throws {
        let configuration = try StubCommand.parse([]).stubConfiguration
        XCTAssertEqual(configuration.oneCallPlan, .both)
        XCTAssertEqual(configuration.oneCall4Quirks, [])
        XCTAssertNil(configuration.oneCall4LinkBase)
    }

    func testPlanQuirksAndLinkBase() throws {
        let command = try StubCommand.parse([
            "--onecall-plan", "4.0", "--onecall4-quirk", "daily-weather-null", "--onecall4-quirk", "links-null",
            "--onecall4-link-base", "https://api.openweathermap.org",
        ])
        let configuration = command.stubConfiguration
        XCTAssertEqual(configuration.oneCallPlan, .oneCall4)
        XCTAssertEqual(configuration.oneCall4Quirks, [.dailyWeatherNull, .linksNull])
        XCTAssertEqual(configuration.oneCall4LinkBase, "https://api.openweathermap.org")
        XCTAssertEqual(try StubCommand.parse(["--onecall-plan", "none"]).stubConfiguration.oneCallPlan, .noOneCall)
    }

    func testUnknownPlanOrQuirkIsRefused() {
        XCTAssertThrowsError(try StubCommand.parse(["--onecall-plan", "5.0"]))
        XCTAssertThrowsError(try StubCommand.parse(["--onecall4-quirk", "daily-weather-nul"])) { error in
            XCTAssert(StubCommand.message(for: error).contains("daily-weather-null"), StubCommand.message(for: error))
        }
    }
}
