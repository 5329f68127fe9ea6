import Foundation
import XCTest

@testable import WeatherServer

/// Replays the fuzz targets' seeds (`Fuzz/corpus/`) and every crash found so far
/// (`Fuzz/regressions/`) through the same probes the libFuzzer targets run: a crash once found by
/// `scripts/fuzz.sh` stays a failing test until it is fixed (see Fuzz/regressions/README.md).
final class ParserProbeReplayTests: XCTestCase {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Fuzz").standardizedFileURL

    static func inputs(_ target: String) throws -> [URL] {
        var files: [URL] = []
        for folder in ["corpus/\(target)", "regressions/\(target)"] {
            let url = fuzz.appendingPathComponent(folder)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            files += try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
        }
        return files.sorted { $0.path < $1.path }
    }

    func testRequestSeedsAndRegressionsPassTheProbe() throws {
        let files = try Self.inputs("request")
        XCTAssertGreaterThanOrEqual(files.count, 10, "the seed corpus is at \(Self.fuzz.path)/corpus/request")
        for file in files { ParserProbes.request(Array(try Data(contentsOf: file))) }
    }

    func testConfigurationSeedsAndRegressionsPassTheProbe() throws {
        let files = try Self.inputs("configuration")
        XCTAssertGreaterThanOrEqual(files.count, 5)
        for file in files { ParserProbes.configuration(Array(try Data(contentsOf: file))) }
    }
}
