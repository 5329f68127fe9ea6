import DecodeBenchmarkKit
import Foundation
import MallocInterposerSwift

/// Counts the allocations of one decode pass per workload and decoder, and prints them as
/// `ALLOC` lines for DecodeBenchmark. Must run with `libMallocInterposerSwift.so` preloaded
/// (DecodeBenchmark does that); exits 3 when the interposer counted nothing.
@main
enum DecodeAllocCounterMain {
    static func main() throws {
        let arguments = try BenchmarkArguments(Array(CommandLine.arguments.dropFirst()))
        let corpus = try PayloadCorpus(directory: arguments.payloads, kinds: arguments.kinds)
        let workloads = corpus.workloads()
        let decoders = [DecoderUnderTest.weatherCore(), .foundation()].compactMap { $0 }
        MallocInterposerSwift.initialize()
        var countedAnything = false
        for workload in workloads {
            for decoder in decoders where decoder.handles(workload) {
                // Untimed warm-up: one-time allocations (caches, metadata) are not the decoder's per-document cost.
                try decoder.pass(over: workload)
                MallocInterposerSwift.reset()
                MallocInterposerSwift.hook()
                try decoder.pass(over: workload)
                MallocInterposerSwift.unhook()
                let statistics = MallocInterposerSwift.getStatistics()
                countedAnything = countedAnything || statistics.mallocCount > 0
                let count = AllocationCount(
                    mallocs: statistics.mallocCount, bytes: statistics.mallocBytesCount,
                    documents: workload.documents.count)
                print(count.line(workload: workload.label, decoder: decoder.name))
            }
        }
        if !countedAnything {
            FileHandle.standardError.write(Data("no allocation counted: is libMallocInterposerSwift preloaded?\n".utf8))
            exit(3)
        }
    }
}
