import Foundation

/// One saved response, in both forms the decoders take, tagged with its kind.
package struct Document: Sendable {
    /// Which model decodes it.
    package var kind: PayloadKind
    /// `<folder>/<file name>`, for messages.
    package var name: String
    /// The bytes WeatherCore decodes.
    package var bytes: [UInt8]
    /// The same bytes as `Data`, for `JSONDecoder`.
    package var data: Data
}

/// The documents of one timed pass: one kind, or all kinds interleaved.
package struct Workload: Sendable {
    /// The row label: a kind's name, or `all kinds`.
    package var label: String
    /// The documents, decoded in this order in every pass.
    package var documents: [Document]
    /// Total size in bytes.
    package var totalBytes: Int

    /// A workload over `documents`.
    package init(label: String, documents: [Document]) {
        self.label = label
        self.documents = documents
        self.totalBytes = documents.reduce(0) { $0 + $1.bytes.count }
    }
}

extension PayloadCorpus {
    /// One workload per kind, then `all kinds`: the kinds interleaved round-robin (document 0 of each
    /// kind, then document 1 of each, …), as the anchors' `all` column does; then, when more than one
    /// One Call 4.0 kind is loaded, `onecall4 kinds`: those kinds alone, interleaved the same way.
    package func workloads() -> [Workload] {
        let perKind = sets.map { set in
            Workload(
                label: set.kind.rawValue,
                documents: set.names.indices.map { index in
                    Document(
                        kind: set.kind, name: "\(set.kind.folder)/\(set.names[index])", bytes: set.bytes[index],
                        data: set.data[index])
                }
            )
        }
        guard perKind.count > 1 else { return perKind }
        var result = perKind + [Workload(label: "all kinds", documents: Self.interleaved(perKind))]
        let oneCall4 = perKind.filter { $0.documents.first?.kind.isOneCall4 ?? false }
        if oneCall4.count > 1 {
            result.append(Workload(label: Self.oneCall4Label, documents: Self.interleaved(oneCall4)))
        }
        return result
    }

    /// The row of the One Call 4.0 kinds together.
    package static let oneCall4Label = "onecall4 kinds"

    /// Document 0 of each workload, then document 1 of each, …
    private static func interleaved(_ workloads: [Workload]) -> [Document] {
        var mixed: [Document] = []
        let longest = workloads.map(\.documents.count).max() ?? 0
        for index in 0..<longest {
            for workload in workloads where index < workload.documents.count {
                mixed.append(workload.documents[index])
            }
        }
        return mixed
    }
}
