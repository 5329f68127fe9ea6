import XCTest

@testable import WeatherCore

/// The one number parser for request and configuration text: decimal spellings, JSON's exponents
/// included; never hexadecimal, infinities or NaN.
final class DecimalNumberTests: XCTestCase {
    func testDecimalSpellingsAreRead() {
        let read: [(String, Double)] = [
            ("-33.87", -33.87), ("151", 151), ("+8.5", 8.5), ("0.5", 0.5), ("1e-05", 0.00001), ("2.5E+1", 25),
            ("-7e2", -700), ("0", 0),
        ]
        for (text, value) in read { XCTAssertEqual(text.plainDecimal, value, text) }
    }

    func testOtherSpellingsAreRefused() {
        for text in ["", "-", ".5", "5.", "1.e5", "1e", "1e+", "1e1234", "0x10", "inf", "nan", "1,5", " 1", "1-", "+-1", "1e5.5", "1ee5", "1e999", "-9e400"] {
            XCTAssertNil(text.plainDecimal, text)
        }
    }
}
