import Foundation
import WeatherTesting
import XCTest

@testable import WeatherCore

/// Decodes every fixture of a kind, and every variation of it, with WeatherCore and with the
/// Foundation Codable reference, and asserts the two models are equal.
struct DifferentialCheck<Model: OpenWeatherDecodable & Equatable, Reference: Decodable> {
    /// The fixture folder (`current`, `forecast`, …).
    var folder: String
    /// Members the variations may remove.
    var optionalPaths: [JSONVariations.Path]
    /// Keys whose objects are dictionaries (no unknown members can be added to them).
    var maps: Set<String> = []
    /// The reference's meaning in WeatherCore's types.
    var map: (Reference) -> Model
    /// Applied to both sides before comparing: forgets what the reference cannot know (member order).
    var normalize: (Model) -> Model = { $0 }

    /// Runs the check, failing the test once per difference; returns how many documents were compared.
    @discardableResult
    func run(variations: [Variation] = Variation.standardSet(), file: StaticString = #filePath, line: UInt = #line)
        throws -> Int
    {
        let outcome = try compare(variations: variations)
        for difference in outcome.differences { XCTFail(difference, file: file, line: line) }
        return outcome.compared
    }

    /// Decodes every case both ways; returns the documents compared and a message per difference.
    func compare(variations: [Variation] = Variation.standardSet()) throws -> (compared: Int, differences: [String]) {
        var compared = 0
        var differences: [String] = []
        let decoder = JSONDecoder()
        for fixture in try FixtureDirectory(bundle: .module).all(in: folder) {
            let document = try JSONValue.parse(fixture.bytes)
            let cases =
                [("original", fixture.bytes)]
                + variations.map { ("\($0)", $0.apply(to: document, optionalPaths: optionalPaths, maps: maps)) }
            for (label, bytes) in cases {
                let context = "\(fixture.path), \(label)"
                let fast: Model
                let reference: Reference
                do {
                    fast = try Model(jsonBytes: bytes)
                } catch {
                    differences.append("WeatherCore rejects \(context): \(error)\n\(Self.excerpt(bytes))")
                    continue
                }
                do {
                    reference = try decoder.decode(Reference.self, from: Data(bytes))
                } catch {
                    differences.append("the reference rejects \(context): \(error)\n\(Self.excerpt(bytes))")
                    continue
                }
                let expected = normalize(map(reference))
                if normalize(fast) != expected {
                    differences.append(
                        "models differ for \(context)\nWeatherCore: \(normalize(fast))\nreference:   \(expected)\n"
                            + Self.excerpt(bytes))
                }
                compared += 1
            }
        }
        return (compared, differences)
    }

    private static func excerpt(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(600), as: UTF8.self)
        return bytes.count > 600 ? text + "…" : text
    }
}
