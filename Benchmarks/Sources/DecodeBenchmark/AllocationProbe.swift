import DecodeBenchmarkKit
import Foundation

/// Runs DecodeAllocCounter, built beside this executable, with malloc-interposer preloaded, so the
/// timed process never goes through a counting allocator.
struct AllocationProbe: Sendable {
    /// The arguments selecting the payloads, passed on unchanged.
    var corpusArguments: [String]

    /// Allocation counts per workload label and decoder name.
    func run() async throws -> [String: [String: AllocationCount]] {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let counter = directory.appendingPathComponent("DecodeAllocCounter")
        let interposer = directory.appendingPathComponent(Self.interposerLibrary)
        guard FileManager.default.isExecutableFile(atPath: counter.path),
            FileManager.default.fileExists(atPath: interposer.path)
        else {
            FileHandle.standardError.write(
                Data("allocations not counted: build all products (`swift build -c release --package-path Benchmarks`)\n".utf8))
            return [:]
        }
        let process = Process()
        process.executableURL = counter
        process.arguments = corpusArguments
        var environment = ProcessInfo.processInfo.environment
        environment[Self.preloadVariable] = interposer.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            FileHandle.standardError.write(Data("allocations not counted: DecodeAllocCounter exited \(process.terminationStatus)\n".utf8))
            return [:]
        }
        var counts: [String: [String: AllocationCount]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if let parsed = AllocationCount.parse(line) {
                counts[parsed.workload, default: [:]][parsed.decoder] = parsed.count
            }
        }
        return counts
    }

    #if os(macOS)
    private static let interposerLibrary = "libMallocInterposerSwift.dylib"
    private static let preloadVariable = "DYLD_INSERT_LIBRARIES"
    #else
    private static let interposerLibrary = "libMallocInterposerSwift.so"
    private static let preloadVariable = "LD_PRELOAD"
    #endif
}
