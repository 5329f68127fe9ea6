import Foundation
import XCTest

/// Reads files of the `Fixtures` resource folder copied into the test bundle.
enum ErrorFixtures {
    static func bytes(_ relativePath: String, file: StaticString = #filePath, line: UInt = #line) throws -> [UInt8] {
        let root = try XCTUnwrap(
            Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures resource missing", file: file,
            line: line)
        return Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }
}
