import Foundation
import WeatherCore
import XCTest

/// The one calendar the service counts days with agrees with Foundation's Gregorian calendar in
/// UTC (proleptic: Foundation's switches to the Julian calendar before 1582), both ways, across
/// centuries, leap days and the epoch.
final class CivilDateTests: XCTestCase {
    func testKnownDates() {
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1).daysSinceEpoch, 0)
        XCTAssertEqual(CivilDate(year: 2000, month: 3, day: 1).daysSinceEpoch, 11_017)
        XCTAssertEqual(CivilDate(year: 1969, month: 12, day: 31).daysSinceEpoch, -1)
        XCTAssertEqual(CivilDate(daysSinceEpoch: 20_794), CivilDate(year: 2026, month: 12, day: 7))
        XCTAssertEqual(CivilDate(daysSinceEpoch: 11_016), CivilDate(year: 2000, month: 2, day: 29))
    }

    func testAgreesWithFoundationBothWays() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(identifier: "UTC"))
        // Every 97th day from 1584 (Foundation is Julian before October 1582) to 2435, and every day around the turns of 1900 and 2000.
        let days = Array(stride(from: -141_000, through: 170_000, by: 97)) + Array(-25_600 ... -25_500)
            + Array(10_900 ... 11_100)
        for day in days {
            let date = CivilDate(daysSinceEpoch: day)
            let foundation = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: Double(day) * 86_400))
            XCTAssertEqual(
                [date.year, date.month, date.day], [foundation.year, foundation.month, foundation.day], "day \(day)")
            XCTAssertEqual(date.daysSinceEpoch, day, "round trip of day \(day)")
        }
    }
}
