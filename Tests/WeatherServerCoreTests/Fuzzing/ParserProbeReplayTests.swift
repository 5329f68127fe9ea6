import Foundation
import WeatherTesting
import XCTest

@testable import WeatherServerCore

/// Replays the fuzz targets' seeds (`Fuzz/corpus/`) and every crash found so far
/// (`Fuzz/regressions/`) through the same probes the libFuzzer targets run: a crash once found by
/// `scripts/fuzz.sh` stays a failing test until it is fixed (see Fuzz/regressions/README.md).
final class ParserProbeReplayTests: XCTestCase {
    /// `Fuzz/` of this checkout: the corpus lives outside `Tests/` (libFuzzer writes into it), so
    /// it is not a bundled resource.
    static let fuzz = FixtureDirectory(
        directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Fuzz").standardizedFileURL)

    /// The seeds and regressions of one fuzz target, as paths relative to ``fuzz``.
    static func inputs(_ target: String) -> [String] {
        ["corpus/\(target)", "regressions/\(target)"].flatMap { folder in
            ((try? fuzz.list(folder)) ?? []).map { "\(folder)/\($0)" }  // a folder may not exist yet
        }.sorted()
    }

    func testRequestSeedsAndRegressionsPassTheProbe() throws {
        let files = Self.inputs("request")
        XCTAssertGreaterThanOrEqual(files.count, 10, "the seed corpus is at \(Self.fuzz.directory.path)/corpus/request")
        for file in files { ParserProbes.request(try Self.fuzz.bytes(file)) }
    }

    func testConfigurationSeedsAndRegressionsPassTheProbe() throws {
        let files = Self.inputs("configuration")
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for file in files { ParserProbes.configuration(try Self.fuzz.bytes(file)) }
    }
}
