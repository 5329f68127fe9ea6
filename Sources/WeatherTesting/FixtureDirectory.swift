public import Foundation

/// Loads test fixtures: the one loader every test target uses, from the `Fixtures` folder its
/// target bundles as a resource (`resources: [.copy("Fixtures")]` in Package.swift), or from any directory.
///
/// ```swift
/// let fixtures = try FixtureDirectory(bundle: .module)
/// let body = try fixtures.bytes("current/0000.json")
/// for fixture in try fixtures.all(in: "forecast") { _ = try Forecast(jsonBytes: fixture.bytes) }
/// ```
public struct FixtureDirectory: Sendable {
    /// The directory fixture paths are relative to.
    public let directory: URL

    /// Creates a loader for `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Creates a loader for the resource folder `folder` of `bundle` (a test target's `Bundle.module`).
    ///
    /// - Throws: ``FixtureError/missing(_:)`` when the bundle holds no such folder: the target
    ///   does not list it in its `resources`.
    public init(bundle: Bundle, folder: String = "Fixtures") throws(FixtureError) {
        guard let url = bundle.url(forResource: folder, withExtension: nil) else {
            throw FixtureError.missing(bundle.bundleURL.appendingPathComponent(folder).path)
        }
        self.init(directory: url)
    }

    /// The bytes of the file at `path`, relative to ``directory``.
    ///
    /// - Throws: ``FixtureError/missing(_:)`` naming the full path when the file cannot be read.
    public func bytes(_ path: String) throws(FixtureError) -> [UInt8] {
        let url = directory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FixtureError.missing(url.path)
        }
        return [UInt8](data)
    }

    /// The file at `path` as UTF-8 text.
    public func string(_ path: String) throws(FixtureError) -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// Every file of the subdirectory `folder` whose name ends in `.` + `fileExtension`, sorted by name.
    ///
    /// - Throws: ``FixtureError/missing(_:)`` when the folder is missing or holds no such file, so a
    ///   loop over the result can never pass by running zero times.
    public func all(in folder: String, withExtension fileExtension: String = "json") throws(FixtureError) -> [Fixture] {
        let names = try list(folder).filter { $0.hasSuffix("." + fileExtension) }
        guard !names.isEmpty else {
            throw FixtureError.missing(directory.appendingPathComponent(folder).path + "/*." + fileExtension)
        }
        return try names.map { name throws(FixtureError) in
            let path = folder.isEmpty ? name : folder + "/" + name
            return Fixture(path: path, bytes: try bytes(path))
        }
    }

    /// The names of the files in the subdirectory `path` (`""` for ``directory`` itself), sorted.
    public func list(_ path: String = "") throws(FixtureError) -> [String] {
        let url = path.isEmpty ? directory : directory.appendingPathComponent(path)
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            throw FixtureError.missing(url.path)
        }
    }
}

/// One fixture file and its contents.
public struct Fixture: Sendable, Hashable {
    /// The path relative to the ``FixtureDirectory``, e.g. `current/0000.json`: what to name in a failure message.
    public let path: String
    /// The file's bytes.
    public let bytes: [UInt8]

    /// Creates a fixture (``FixtureDirectory/all(in:withExtension:)`` makes them).
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The file name alone, e.g. `0000.json`.
    public var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// The bytes as UTF-8 text.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
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
