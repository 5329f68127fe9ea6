import DecodeBenchmarkKit
import Foundation

/// Decode throughput of WeatherCore against Foundation's JSONDecoder on saved OpenWeather
/// responses; prints Markdown. See `Benchmarks/README.md`.
@main
enum DecodeBenchmarkMain {
    static func main() async {
        do {
            let arguments = try BenchmarkArguments(Array(CommandLine.arguments.dropFirst()))
            try await run(arguments)
        } catch let error as UsageError {
            if let message = error.message { FileHandle.standardError.write(Data("error: \(message)\n".utf8)) }
            print(BenchmarkArguments.usage)
            exit(error.message == nil ? 0 : 2)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ arguments: BenchmarkArguments) async throws {
        let corpus = try PayloadCorpus(directory: arguments.payloads, kinds: arguments.kinds)
        guard !corpus.sets.isEmpty else {
            throw UsageError("no payloads under \(arguments.payloads.path) for \(arguments.kinds.map(\.rawValue))")
        }
        let workloads = corpus.workloads()
        let decoders = [DecoderUnderTest.weatherCore(), .foundation()].compactMap { $0 }
        let probe = AllocationProbe(corpusArguments: arguments.corpusArguments)
        let countAllocations: @Sendable () async throws -> [String: [String: AllocationCount]] = {
            try await probe.run()
        }
        // Further sections (e.g. the warm-hit cost: MemoryCacheStore.get + decode) are appended here.
        let sections: [any BenchmarkSection] = [
            DecodeComparisonSection(
                decoders: decoders, workloads: workloads, timing: arguments.timing,
                countAllocations: arguments.countAllocations ? countAllocations : nil)
        ]
        print("payloads: \(arguments.payloads.path)")
        if decoders.count == 1 { print("WeatherCore has no response models yet: JSONDecoder only") }
        for section in sections {
            print("\n## \(section.title)\n")
            for line in try await section.run() { print(line) }
        }
    }
}
