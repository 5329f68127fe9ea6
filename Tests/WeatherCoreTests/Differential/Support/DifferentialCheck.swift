import Foundation
import XCTest

@testable import WeatherCore

/// Decodes every fixture of a kind, and every variation of it, with WeatherCore and with the
/// Foundation Codable reference, and asserts the two models are equal.
struct DifferentialCheck<Model: OpenWeatherDecodable & Equatable, Reference: Decodable> {
    /// The fixture folder (`current`, `forecast`, …).
    var folder: String
    /// Members the variations may remove.
    var optionalPaths: [JSONVariations.Path]
    /// The reference's meaning in WeatherCore's types.
    var map: (Reference) -> Model

    /// Runs the check; returns how many documents were compared.
    @discardableResult
    func run(variations: [Variation] = Variation.standardSet(), file: StaticString = #filePath, line: UInt = #line)
        throws -> Int
    {
        var compared = 0
        let decoder = JSONDecoder()
        for fixture in try DifferentialFixture.all(in: folder) {
            let document = try JSONValue.parse(fixture.bytes)
            let cases = [("original", fixture.bytes)]
                + variations.map { ("\($0)", $0.apply(to: document, optionalPaths: optionalPaths)) }
            for (label, bytes) in cases {
                let context = "\(fixture.name), \(label)"
                let fast: Model
                let reference: Reference
                do {
                    fast = try Model(jsonBytes: bytes)
                } catch {
                    XCTFail("WeatherCore rejects \(context): \(error)\n\(Self.excerpt(bytes))", file: file, line: line)
                    continue
                }
                do {
                    reference = try decoder.decode(Reference.self, from: Data(bytes))
                } catch {
                    XCTFail("the reference rejects \(context): \(error)\n\(Self.excerpt(bytes))", file: file, line: line)
                    continue
                }
                if fast != map(reference) {
                    XCTFail(
                        "models differ for \(context)\nWeatherCore: \(fast)\nreference:   \(map(reference))\n"
                            + Self.excerpt(bytes), file: file, line: line)
                }
                compared += 1
            }
        }
        return compared
    }

    private static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(600), as: UTF8.self)
        return bytes.count > 600 ? text + "…" : text
    }
}
