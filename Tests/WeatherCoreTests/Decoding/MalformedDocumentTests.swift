import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

/// Every kind survives hostile input with a typed error: truncation at every byte, bit flips,
/// and garbage appended.
final class MalformedDocumentTests: XCTestCase {
    private func decoders() -> [(String, ([UInt8]) throws(WeatherError) -> Void)] {
        [
            ("current", { b throws(WeatherError) in _ = try CurrentWeather(jsonBytes: b) }),
            ("forecast", { b throws(WeatherError) in _ = try Forecast(jsonBytes: b) }),
            ("onecall", { b throws(WeatherError) in _ = try OneCall(jsonBytes: b) }),
            ("air", { b throws(WeatherError) in _ = try AirPollution(jsonBytes: b) }),
            ("geo", { b throws(WeatherError) in _ = try GeocodingResults(jsonBytes: b) }),
        ]
    }

    func testTruncatedAtEveryOffsetThrows() throws {
        for (kind, decode) in decoders() {
            let fixture = try XCTUnwrap(FixtureDirectory(bundle: .module).all(in: kind).first)
            let bytes = fixture.bytes
            // Large documents: every offset near both ends and every 7th in between, to stay quick.
            for length in 0..<bytes.count
            where bytes.count < 4000 || length < 600 || length > bytes.count - 600 || length % 7 == 0 {
                do {
                    try decode(Array(bytes[0..<length]))
                    XCTFail("\(fixture.path) truncated to \(length) bytes decoded")
                } catch {
                    XCTAssertEqual(error.code, .decodingFailed)
                    XCTAssertNotNil(error.jsonPath)
                }
            }
            XCTAssertNoThrow(try decode(bytes))
        }
    }

    func testSmallFixturesTruncatedAtEveryOffset() throws {
        for (kind, decode) in decoders() where ["current", "air", "geo"].contains(kind) {
            for fixture in try FixtureDirectory(bundle: .module).all(in: kind) {
                for length in 0..<fixture.bytes.count {
                    do {
                        try decode(Array(fixture.bytes[0..<length]))
                        XCTFail("\(fixture.path) truncated to \(length) bytes decoded")
                    } catch {
                        XCTAssertEqual(error.code, .decodingFailed)
                    }
                }
            }
        }
    }

    func testByteFlipsNeverCrash() throws {
        var generator = SplitMix64(seed: 99)
        for (kind, decode) in decoders() {
            for fixture in try FixtureDirectory(bundle: .module).all(in: kind) {
                for _ in 0..<200 {
                    var mutated = fixture.bytes
                    let index = Int(generator.next() % UInt64(fixture.bytes.count))
                    mutated[index] = UInt8(truncatingIfNeeded: generator.next())
                    do { try decode(mutated) } catch { XCTAssertEqual(error.code, .decodingFailed) }
                }
            }
        }
    }

    func testTrailingGarbageAndTrailingCommas() throws {
        for (kind, decode) in decoders() {
            let bytes = try FixtureDirectory(bundle: .module).all(in: kind)[0].bytes
            XCTAssertThrowsError(try decode(bytes + Array(" x".utf8)), kind)
            XCTAssertThrowsError(try decode(bytes + Array("{}".utf8)), kind)
            XCTAssertNoThrow(try decode(bytes + Array(" \n\t\r".utf8)), kind)
            let text = String(decoding: bytes, as: UTF8.self)
            let withComma = text.replacingOccurrences(of: "}]", with: "},]")
            if withComma != text { XCTAssertThrowsError(try decode(Array(withComma.utf8)), kind) }
            let closing = text.dropLast() + ",}"
            XCTAssertThrowsError(try decode(Array(closing.utf8)), kind)
        }
    }

    func testControlCharactersAndInvalidUTF8InsideModels() {
        assertDecodingFails(
            "{\"coord\":{\"lon\":1,\"lat\":2},\"name\":\"a\u{1}b\"}", as: CurrentWeather.self, path: "name")
        var bytes = Array(#"{"coord":{"lon":1,"lat":2},"name":"ab"}"#.utf8)
        bytes.insert(0xFF, at: 36)
        assertDecodingFails(bytes, as: CurrentWeather.self, path: "name")
        assertDecodingFails(#"{"coord":{"lon":1,"lat":2},"name":"\q"}"#, as: CurrentWeather.self, path: "name")
        assertDecodingFails(#"{"coord":{"lon":1,"lat":2},"extra":"\ud800"}"#, as: CurrentWeather.self, path: "extra")
        assertDecodingFails(#"{"coord":{"lon":01,"lat":2}}"#, as: CurrentWeather.self, path: "coord.lon")
    }

    func testOneMegabyteStringInAModel() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let text =
            #"{"coord":{"lon":1,"lat":2},"main":{"temp":280,"pressure":1000,"humidity":50},"dt":1,"name":""# + big
            + "\"}"
        XCTAssertEqual(try CurrentWeather(jsonBytes: Array(text.utf8)).name.utf8.count, 1 << 20)
        assertDecodingFails(String(text.dropLast(2)), as: CurrentWeather.self)
    }
}
