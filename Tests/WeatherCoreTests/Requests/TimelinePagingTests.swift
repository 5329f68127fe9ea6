import Foundation
import WeatherCore
import XCTest

final class TimelinePagingTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_777_449_600)  // 2026-04-29T08:00:00Z, on the hour

    func testPagesForARange() throws {
        let hours48 = try TimelinePaging(step: .hour, from: t0, to: t0.addingTimeInterval(48 * 3600))
        XCTAssertEqual(hours48.pageCount, 3)
        XCTAssertEqual(
            hours48.pageStarts.map(\.timeIntervalSince1970),
            [1_777_449_600, 1_777_449_600 + 72_000, 1_777_449_600 + 144_000])

        XCTAssertEqual(try TimelinePaging(step: .quarterHour, from: t0, to: t0.addingTimeInterval(48 * 3600)).pageCount, 4)
        XCTAssertEqual(try TimelinePaging(step: .minute, from: t0, to: t0.addingTimeInterval(3600)).pageCount, 1)
        XCTAssertEqual(try TimelinePaging(step: .day, from: t0, to: t0.addingTimeInterval(8 * 86400)).pageCount, 1)
        XCTAssertEqual(try TimelinePaging(step: .day, from: t0, to: t0.addingTimeInterval(30 * 86400)).pageCount, 4,
            "aligned to 00:00Z, 30 days from 08:00 reach into a fourth page")
        XCTAssertEqual(try TimelinePaging(step: .hour, from: t0, to: t0.addingTimeInterval(1)).pageCount, 1)
        XCTAssertEqual(try TimelinePaging(step: .hour, from: t0, to: t0.addingTimeInterval(20 * 3600)).pageCount, 1)
        XCTAssertEqual(try TimelinePaging(step: .hour, from: t0, to: t0.addingTimeInterval(20 * 3600 + 1)).pageCount, 2)
    }

    func testStartIsAlignedDown() throws {
        let paging = try TimelinePaging(step: .hour, from: t0.addingTimeInterval(1799), to: t0.addingTimeInterval(20 * 3600 + 1))
        XCTAssertEqual(paging.start, t0)
        XCTAssertEqual(paging.pageCount, 2)
    }

    func testEmptyOrBackwardsRangeIsRejected() {
        for to in [t0, t0.addingTimeInterval(-1)] {
            XCTAssertThrowsError(try TimelinePaging(step: .hour, from: t0, to: to)) {
                XCTAssertEqual(($0 as? WeatherError)?.code, .invalidRequest)
            }
        }
    }

    func testHugeRangesDoNotOverflow() throws {
        let paging = try TimelinePaging(
            step: .minute, from: Date(timeIntervalSince1970: 0), to: Date(timeIntervalSince1970: 1e15))
        XCTAssertGreaterThan(paging.pageCount, 1_000_000)
    }
}
