import Foundation
import XCTest

@testable import WeatherCore

/// The fast decoder and an independent Foundation `JSONDecoder` reference must build identical
/// models from every fixture and from generated variations of each.
final class DifferentialTests: XCTestCase {
    private func compare<Model: Equatable, Reference: Decodable>(
        kind: String, variations: Int, fast: ([UInt8]) throws -> Model, reference: Reference.Type,
        model: (Reference) -> Model, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        for (name, bytes) in try Fixtures.all(kind) {
            XCTAssertEqual(
                try fast(bytes), model(try JSONDecoder().decode(Reference.self, from: Data(bytes))), "\(kind)/\(name)",
                file: file, line: line)
            let parsed = try JSONSerialization.jsonObject(with: Data(bytes))
            for seed in 0..<UInt64(variations) {
                var variation = JSONVariations(seed: seed &* 7919 &+ UInt64(name.hashValue & 0xFFFF))
                let text = variation.render(parsed)
                let data = Data(text.utf8)
                let theirs: Model
                do {
                    theirs = model(try JSONDecoder().decode(Reference.self, from: data))
                } catch {
                    XCTFail("reference failed on \(kind)/\(name) variation \(seed): \(error)", file: file, line: line)
                    continue
                }
                XCTAssertEqual(
                    try fast([UInt8](data)), theirs, "\(kind)/\(name) variation \(seed)", file: file, line: line)
            }
        }
    }

    func testCurrentWeather() throws {
        try compare(
            kind: "current", variations: 40, fast: { try CurrentWeather(jsonBytes: $0) },
            reference: ReferenceCurrent.self,
            model: \.model)
    }

    func testForecast() throws {
        try compare(
            kind: "forecast", variations: 5, fast: { try Forecast(jsonBytes: $0) }, reference: ReferenceForecast.self,
            model: \.model)
    }

    func testOneCall() throws {
        try compare(
            kind: "onecall", variations: 5, fast: { try OneCall(jsonBytes: $0) }, reference: ReferenceOneCall.self,
            model: \.model)
    }

    func testAirPollution() throws {
        try compare(
            kind: "air", variations: 40, fast: { try AirPollution(jsonBytes: $0) }, reference: ReferenceAir.self,
            model: \.model)
    }

    func testGeocoding() throws {
        // local_names order is compared as sent; JSONDecoder's key order on Linux follows the document.
        for (name, bytes) in try Fixtures.all("geo") {
            let ours = try GeocodingResults(jsonBytes: bytes)
            let theirs = try JSONDecoder().decode(ReferenceGeocoding.self, from: Data(bytes)).model
            XCTAssertEqual(ours.places.count, theirs.places.count, name)
            for (a, b) in zip(ours.places, theirs.places) {
                XCTAssertEqual(a.name, b.name, name)
                XCTAssertEqual(a.coordinates, b.coordinates, name)
                XCTAssertEqual(a.country, b.country, name)
                XCTAssertEqual(a.state, b.state, name)
                XCTAssertEqual(a.localNames?.dictionary, b.localNames?.dictionary, name)
            }
        }
    }
}
