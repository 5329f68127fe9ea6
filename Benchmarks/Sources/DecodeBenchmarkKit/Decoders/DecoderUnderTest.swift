/// A decoder being measured: a name and a function that decodes one document into typed models.
package struct DecoderUnderTest: Sendable {
    /// The column label.
    package var name: String
    /// Decodes one document and hands the result to ``blackHole(_:)``.
    package var decode: @Sendable (Document) throws -> Void

    /// A decoder named `name`.
    package init(name: String, decode: @escaping @Sendable (Document) throws -> Void) {
        self.name = name
        self.decode = decode
    }

    /// Decodes every document of `workload` once.
    @inline(__always)
    package func pass(over workload: Workload) throws {
        for document in workload.documents {
            try decode(document)
        }
    }
}
