import Foundation

/// The saved responses of one kind, loaded once, in both forms the decoders take.
///
/// Both copies are made before timing starts, so neither decoder pays for a conversion.
package struct PayloadSet: Sendable {
    /// What these documents are.
    package var kind: PayloadKind
    /// File names, sorted, for messages.
    package var names: [String]
    /// The documents as WeatherCore takes them.
    package var bytes: [[UInt8]]
    /// The same documents as `JSONDecoder` takes them.
    package var data: [Data]

    /// Total size in bytes.
    package var totalBytes: Int { bytes.reduce(0) { $0 + $1.count } }
}

/// Every payload kind found in a payload folder.
package struct PayloadCorpus: Sendable {
    /// One set per kind, in ``PayloadKind`` order.
    package var sets: [PayloadSet]

    /// Loads `DIR/<kind folder>/*.json` for each of `kinds`; a kind without a folder is skipped.
    package init(directory: URL, kinds: [PayloadKind]) throws {
        let files = FileManager.default
        sets = try kinds.compactMap { kind in
            let folder = directory.appendingPathComponent(kind.folder, isDirectory: true)
            guard let entries = try? files.contentsOfDirectory(atPath: folder.path) else { return nil }
            let names = entries.filter { $0.hasSuffix(".json") }.sorted()
            guard !names.isEmpty else { return nil }
            let data = try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
            return PayloadSet(kind: kind, names: names, bytes: data.map { [UInt8]($0) }, data: data)
        }
    }
}
