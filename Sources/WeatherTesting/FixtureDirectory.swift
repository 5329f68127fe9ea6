public import Foundation

/// Loads test fixtures from a directory the caller passes in (`Bundle.module.resourceURL`, a path…).
///
/// ```swift
/// let fixtures = FixtureDirectory(directory: Bundle.module.url(forResource: "Fixtures", withExtension: nil)!)
/// let body = try fixtures.bytes("current/0000.json")
/// ```
public struct FixtureDirectory: Sendable {
    /// The directory fixture paths are relative to.
    public let directory: URL

    /// Creates a loader for `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The bytes of the file at `path`, relative to ``directory``.
    ///
    /// - Throws: ``FixtureError/missing(_:)`` naming the full path when the file cannot be read.
    public func bytes(_ path: String) throws -> [UInt8] {
        let url = directory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FixtureError.missing(url.path)
        }
        return [UInt8](data)
    }

    /// The file at `path` as UTF-8 text.
    public func string(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// The names of the files in the subdirectory `path` (`""` for ``directory`` itself), sorted.
    public func list(_ path: String = "") throws -> [String] {
        let url = path.isEmpty ? directory : directory.appendingPathComponent(path)
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            throw FixtureError.missing(url.path)
        }
    }
}

/// Why a fixture could not be loaded.
public enum FixtureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No readable file or directory at this path.
    case missing(String)

    /// What happened and what to check.
    public var description: String {
        switch self {
        case .missing(let path):
            return "fixture not found at \(path); is it listed in the test target's resources?"
        }
    }
}
