import Foundation
import XCTest

/// One saved response from `Tests/WeatherCoreTests/Fixtures/<folder>/`.
struct DifferentialFixture {
    /// `<folder>/<file>`, for messages.
    var name: String
    /// The response body.
    var bytes: [UInt8]

    /// Every `*.json` fixture of `folder` (`current`, `forecast`, `onecall`, `air`, `geo`), sorted by name.
    static func all(in folder: String) throws -> [DifferentialFixture] {
        let root = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "no Fixtures resource")
        let directory = root.appendingPathComponent(folder, isDirectory: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(names.isEmpty, "no fixtures in \(directory.path)")
        return try names.map { name in
            DifferentialFixture(
                name: "\(folder)/\(name)", bytes: [UInt8](try Data(contentsOf: directory.appendingPathComponent(name))))
        }
    }
}
