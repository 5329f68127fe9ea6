/// A decoder being measured: a name and a function that decodes one document into typed models.
package struct DecoderUnderTest: Sendable {
    /// The column label.
    package var name: String
    /// The kinds it has models for; a workload with any other kind is left out of its columns.
    package var kinds: Set<PayloadKind>
    /// Decodes `documents[index]` and hands the result to ``blackHole(_:)``.
    ///
    /// It takes the array and an index, not a ``Document``: passing the struct made the caller copy
    /// it (three retains and releases per document, ~2 % of a 500-byte decode), while
    /// `documents[index].bytes` reads the one field in place.
    package var decode: @Sendable (_ documents: [Document], _ index: Int) throws -> Void

    /// A decoder named `name` for `kinds`.
    package init(
        name: String, kinds: Set<PayloadKind> = Set(PayloadKind.allCases),
        decode: @escaping @Sendable (_ documents: [Document], _ index: Int) throws -> Void
    ) {
        self.name = name
        self.kinds = kinds
        self.decode = decode
    }

    /// Whether it can decode every document of `workload`.
    package func handles(_ workload: Workload) -> Bool {
        workload.documents.allSatisfy { kinds.contains($0.kind) }
    }

    /// Decodes every document of `workload` once.
    @inline(__always)
    package func pass(over workload: Workload) throws {
        let documents = workload.documents
        for index in documents.indices {
            try decode(documents, index)
        }
    }
}
