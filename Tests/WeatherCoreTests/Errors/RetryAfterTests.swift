import Foundation
import WeatherCore
import XCTest

final class RetryAfterTests: XCTestCase {
    /// 1994-11-06T08:49:37Z, the example date of RFC 9110.
    private let example = Date(timeIntervalSince1970: 784_111_777)

    func testDeltaSeconds() {
        XCTAssertEqual(RetryAfter.parse("120", now: example), .seconds(120))
        XCTAssertEqual(RetryAfter.parse(" 0 ", now: example), .zero)
        XCTAssertEqual(RetryAfter.parse("99999999999999", now: example), RetryAfter.maximum)
        XCTAssertEqual(RetryAfter.parse("100000", now: example), RetryAfter.maximum)
    }

    func testTheThreeHTTPDateForms() {
        XCTAssertEqual(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"), example)
        XCTAssertEqual(RetryAfter.httpDate("Sunday, 06-Nov-94 08:49:37 GMT"), example)
        XCTAssertEqual(RetryAfter.httpDate("Sun Nov  6 08:49:37 1994"), example)
        XCTAssertEqual(RetryAfter.httpDate("Thu, 29 Feb 2024 23:59:59 GMT"), Date(timeIntervalSince1970: 1_709_251_199))
    }

    func testDatesAreMeasuredFromNow() {
        let earlier = example.addingTimeInterval(-30.5)
        XCTAssertEqual(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: earlier), .seconds(31))
        XCTAssertEqual(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: example.addingTimeInterval(60)), .zero)
        XCTAssertEqual(
            RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: example.addingTimeInterval(-10 * 86_400)),
            RetryAfter.maximum)
    }

    func testGarbage() {
        for text in [
            "", "soon", "-5", "1.5", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 PST",
        ] {
            XCTAssertNil(RetryAfter.parse(text, now: example), text)
        }
    }
}
