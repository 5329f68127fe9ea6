/// One titled part of the benchmark's report.
///
/// Extension point: the decode comparison is the first section; another measurement — for example
/// the warm-hit cost, `MemoryCacheStore.get` plus a decode — becomes a type conforming to this
/// protocol, appended to the list in `DecodeBenchmark`'s `main`.
package protocol BenchmarkSection {
    /// The heading printed above the section's lines.
    var title: String { get }
    /// Measures and returns the section's report, Markdown lines.
    func run() async throws -> [String]
}
