import XCTest

@testable import weather_tracker

final class StyleAndTableTests: XCTestCase {
    func testNoColourWhenNO_COLORIsSetOrTheTerminalIsDumb() {
        XCTAssertTrue(Style.wantsColour(environment: [:]))
        XCTAssertTrue(Style.wantsColour(environment: ["NO_COLOR": ""]))
        XCTAssertFalse(Style.wantsColour(environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(Style.wantsColour(environment: ["TERM": "dumb"]))
        XCTAssertEqual(Style(enabled: false).bold("x"), "x")
        XCTAssertEqual(Style(enabled: true).bold("x"), "\u{1B}[1mx\u{1B}[0m")
    }

    func testColumnsAlignOnVisibleTextEvenWhenStyled() {
        let style = Style(enabled: true)
        var table = TextTable()
        table.add(plain: ["AQI", "2 Fair"], styled: [style.dim("AQI"), style.colour("2 Fair", 36)])
        table.add(["PM2.5", "12.0"])
        let plain = table.lines().map {
            $0.replacingOccurrences(of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression)
        }
        XCTAssertEqual(plain, ["AQI    2 Fair", "PM2.5  12.0"])
    }

    func testLocalClockUsesThePlacesOffset() {
        let clock = LocalClock(utcOffsetSeconds: 3600)
        let date = Date(timeIntervalSince1970: 1_709_251_200)  // 2024-03-01 00:00 UTC, a Friday
        XCTAssertEqual(clock.dayAndTime(date), "Fri 1 Mar 01:00")
        XCTAssertEqual(clock.zoneText, "UTC+01:00")
        XCTAssertEqual(LocalClock(utcOffsetSeconds: -19_800).zoneText, "UTC-05:30")
    }
}
