/// Allocations made while decoding one pass over a workload, as counted by malloc-interposer.
package struct AllocationCount: Sendable, Equatable {
    /// `malloc`-family calls (malloc, calloc, realloc, posix_memalign, …).
    package var mallocs: Int
    /// Bytes requested by those calls.
    package var bytes: Int
    /// Documents decoded while counting.
    package var documents: Int

    /// Allocations per document.
    package var perDocument: Double { documents == 0 ? 0 : Double(mallocs) / Double(documents) }

    /// A count.
    package init(mallocs: Int, bytes: Int, documents: Int) {
        self.mallocs = mallocs
        self.bytes = bytes
        self.documents = documents
    }

    /// One line of DecodeAllocCounter's output: `ALLOC <tab> workload <tab> decoder <tab> mallocs <tab> bytes <tab> docs`.
    package func line(workload: String, decoder: String) -> String {
        ["ALLOC", workload, decoder, String(mallocs), String(bytes), String(documents)].joined(separator: "\t")
    }

    /// Parses ``line(workload:decoder:)``; `nil` for any other line.
    package static func parse(_ line: Substring) -> (workload: String, decoder: String, count: AllocationCount)? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "ALLOC", let mallocs = Int(fields[3]), let bytes = Int(fields[4]),
            let documents = Int(fields[5])
        else { return nil }
        return (String(fields[1]), String(fields[2]), AllocationCount(mallocs: mallocs, bytes: bytes, documents: documents))
    }
}
