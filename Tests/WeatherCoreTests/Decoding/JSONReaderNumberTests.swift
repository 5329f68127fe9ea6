import Foundation
import XCTest

@testable import WeatherCore

/// Numbers: the grammar, and Doubles bit-for-bit identical to Foundation's parsers.
final class JSONReaderNumberTests: XCTestCase {
    private func decode(_ text: String) throws -> Double {
        try JSONDocument.decode(Array(text.utf8), as: DoubleDocument.self).value
    }

    /// What Foundation's JSONDecoder makes of the same number.
    private func foundation(_ text: String) throws -> Double {
        try XCTUnwrap(JSONDecoder().decode([Double].self, from: Data("[\(text)]".utf8)).first)
    }

    private func assertExact(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let ours = try decode(text)
            let swift = try XCTUnwrap(Double(text), file: file, line: line)
            XCTAssertEqual(ours.bitPattern, swift.bitPattern, "\(text): \(ours) vs \(swift)", file: file, line: line)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
        }
    }

    func testTypicalValuesMatchFoundationExactly() throws {
        let samples = [
            "0", "1", "20", "-3", "293.15", "61.89", "0.1", "0.2", "0.3", "1.2897", "103.8501", "-0.1257",
            "201.94053649902344", "0.000001", "1e22", "1e23", "9007199254740993", "1.7976931348623157e308",
            "2.2250738585072014e-308", "5e-324", "4.9e-324", "123456789012345678901234567890", "0.30000000000000004",
            "1.0", "100.000", "3.141592653589793238462643383279", "1E+2", "1e-2", "-1.5E-10", "12345.678e-3",
            "0.0000000000000000000000000001", "99999999999999999999e-20", "1.7976931348623157e-310",
        ]
        for text in samples {
            assertExact(text)
            XCTAssertEqual(try decode(text).bitPattern, try foundation(text).bitPattern, text)
        }
    }

    func testRandomValuesRoundTripLikeFoundation() throws {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<20_000 {
            let bits = generator.next()
            let value = Double(bitPattern: bits)
            guard value.isFinite else { continue }
            assertExact("\(value)")
            let scaled = Double(Int64(bitPattern: generator.next()) % 10_000_000) / 100
            assertExact("\(scaled)")
            assertExact(String(format: "%.4f", scaled))
            assertExact(String(format: "%.17e", value))
        }
        // Random digit strings with random exponents, including > 19 digits.
        for _ in 0..<20_000 {
            let digits = Int(generator.next() % 25) + 1
            var text = generator.next() % 2 == 0 ? "" : "-"
            text += String(generator.next() % 9 + 1)
            for _ in 1..<digits { text += String(generator.next() % 10) }
            let point = Int(generator.next() % UInt64(digits + 1))
            if point > 0 && point < digits {
                text.insert(".", at: text.index(text.endIndex, offsetBy: -point))
            }
            if generator.next() % 2 == 0 { text += "e\(Int(generator.next() % 80) - 40)" }
            assertExact(text)
        }
    }

    func testSampleAgainstJSONDecoder() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let text = String(format: "%.*g", Int(generator.next() % 17) + 1, Double(bitPattern: generator.next() >> 2))
            guard let value = Double(text), value.isFinite else { continue }
            XCTAssertEqual(try decode(text).bitPattern, try foundation(text).bitPattern, text)
        }
    }

    func testNegativeZeroAndWholeNumbers() throws {
        XCTAssertEqual(try decode("-0").bitPattern, (-0.0).bitPattern)
        XCTAssertEqual(try decode("-0.0").bitPattern, (-0.0).bitPattern)
        XCTAssertEqual(try decode("20"), 20.0)
        XCTAssertEqual(try JSONDocument.decode(Array("-0".utf8), as: IntDocument.self).value, 0)
        XCTAssertEqual(try JSONDocument.decode(Array("9223372036854775807".utf8), as: IntDocument.self).value, .max)
        XCTAssertEqual(try JSONDocument.decode(Array("-9223372036854775808".utf8), as: IntDocument.self).value, .min)
    }

    func testIntegersRejectFractionsAndOverflow() {
        for text in ["1.5", "1.0", "1e2", "9223372036854775808", "-9223372036854775809", "99999999999999999999"] {
            assertDecodingFails(text, as: IntDocument.self)
        }
        assertDecodingFails("\"1\"", as: IntDocument.self)
    }

    func testMalformedNumbers() {
        for text in [
            "01", "-01", "00.5", "1.", "-", "1e", "1e+", ".1", "+1", "1.e5", "--1", "1..2", "0x1", "1e400", "-1e400",
        ] {
            assertDecodingFails(text, as: DoubleDocument.self)
        }
        let error = assertDecodingFails("007", as: DoubleDocument.self)
        XCTAssertTrue(error?.message.contains("leading zero") ?? false)
    }
}

/// A tiny deterministic generator, so the random cases are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
