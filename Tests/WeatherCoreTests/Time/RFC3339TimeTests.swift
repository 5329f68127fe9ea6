import Foundation
import XCTest

@testable import WeatherCore

/// RFC 3339 date-times as the grammar has them, so no value a `format: date-time` schema admits is refused.
final class RFC3339TimeTests: XCTestCase {
    func testEveryFormOfTheGrammarIsRead() throws {
        let read: [(String, TimeInterval)] = [
            ("2026-12-07T10:00:00Z", 1_796_637_600),
            ("2026-12-07t10:00:00z", 1_796_637_600),
            ("2026-12-07T10:00:00.5Z", 1_796_637_600.5),
            ("2026-12-07T11:30:00+01:30", 1_796_637_600),
            ("2026-12-07T10:00:00.000001-00:00", 1_796_637_600.000001),
            // An offset beyond Foundation's ±18 hours, and a leap second.
            ("1541-05-14T10:35:09.0-22:40", -13_526_400_291 + 22 * 3600 + 40 * 60),
            ("2016-12-31T23:59:60Z", 1_483_228_800),
        ]
        for (text, seconds) in read {
            let date = try XCTUnwrap(RFC3339Time.date(from: text), text)
            XCTAssertEqual(date.timeIntervalSince1970, seconds, accuracy: 0.000_01, text)
        }
    }

    func testWhatTheGrammarDoesNotHaveIsRefused() {
        for text in [
            "2026-12-07", "2026-12-07T10:00:00", "2026-12-07T10:00Z", "2026-13-07T10:00:00Z", "2026-02-30T10:00:00Z",
            "2026-12-07T24:00:00Z", "2026-12-07T10:00:00.Z", "2026-12-07T10:00:00+1:00", "2026-12-07T10:00:00+24:00",
            "0000-01-01T00:00:00Z", "2026-12-07 10:00:00Z", "2026-12-07T10:00:00Zjunk",
        ] {
            XCTAssertNil(RFC3339Time.date(from: text), text)
        }
    }
}
