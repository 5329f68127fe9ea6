import Foundation
import XCTest

@testable import WeatherCore

/// Numbers with 16–19 significant digits, where the fast paths end and exactness is hardest:
/// every one must give the same Double, bit for bit, as Swift's correctly rounded parser.
final class JSONReaderLongNumberTests: XCTestCase {
    private func decode(_ text: String) throws -> Double {
        try JSONDocument.decode(Array(text.utf8), as: DoubleDocument.self).value
    }

    func testLongMantissasWithSmallExponentsRoundLikeSwift() throws {
        var generator = SplitMix64(seed: 0x10_46D1_6175)
        var failures = 0
        for _ in 0..<100_000 {
            let digits = Int(generator.next() % 4) + 16
            var mantissa = String(generator.next() % 9 + 1)
            for _ in 1..<digits { mantissa += String(generator.next() % 10) }
            let exponent = Int(generator.next() % 61) - 30
            // Written three ways: with an exponent, with a decimal point inside, and negative.
            let point = Int(generator.next() % UInt64(digits - 1)) + 1
            var dotted = mantissa
            dotted.insert(".", at: dotted.index(dotted.startIndex, offsetBy: point))
            for text in ["\(mantissa)e\(exponent)", dotted, "-\(dotted)e\(exponent)"] {
                let expected = try XCTUnwrap(Double(text))
                let ours = try decode(text)
                if ours.bitPattern != expected.bitPattern {
                    failures += 1
                    if failures <= 10 { XCTFail("\(text): \(ours) vs \(expected)") }
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testHalfwayCasesBetweenAdjacentDoubles() throws {
        // Decimal strings close to the midpoint between two neighbouring Doubles (Decimal's arithmetic
        // on their ~17-digit forms), where a parser that rounds twice goes the wrong way.
        var generator = SplitMix64(seed: 0xA1F_4A7)
        for _ in 0..<20_000 {
            let low = Double(generator.next() % 10_000_000) / 1000 + Double(generator.next() % 1000) / 7
            let high = low.nextUp
            let mid = (Decimal(low) + Decimal(high)) / 2
            let text = "\(mid)"
            guard text.count <= 21, let expected = Double(text) else { continue }
            XCTAssertEqual(try decode(text).bitPattern, expected.bitPattern, text)
        }
    }
}
