/// Thrown before any timing when a decoder rejects one of the payloads: a benchmark of a failing
/// decode would measure the error path.
package struct DecodeVerificationError: Error, CustomStringConvertible {
    /// The decoder that failed.
    package var decoder: String
    /// The payload it failed on.
    package var document: String
    /// What it threw.
    package var underlying: String

    package var description: String {
        "\(decoder) cannot decode \(document): \(underlying) — fix the decoder or remove the payload"
    }

    /// Decodes every document of every workload once with every decoder.
    package static func check(_ decoders: [DecoderUnderTest], _ workloads: [Workload]) throws(DecodeVerificationError) {
        for decoder in decoders {
            for workload in workloads where decoder.handles(workload) {
                for (index, document) in workload.documents.enumerated() {
                    do {
                        try decoder.decode(workload.documents, index)
                    } catch {
                        throw DecodeVerificationError(
                            decoder: decoder.name, document: document.name, underlying: String(describing: error))
                    }
                }
            }
        }
    }
}
