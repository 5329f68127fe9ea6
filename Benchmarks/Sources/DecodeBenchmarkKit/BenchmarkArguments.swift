import Foundation

/// The command line of DecodeBenchmark (DecodeAllocCounter takes `--payloads` and `--kind` only).
package struct BenchmarkArguments: Sendable {
    /// Folder with one sub-folder of `*.json` per kind (`current forecast onecall air geo`).
    package var payloads: URL
    /// Kinds to measure; all by default.
    package var kinds: [PayloadKind] = PayloadKind.allCases
    /// Rounds, sample length and budget.
    package var timing = TimingOptions()
    /// Whether to count allocations in a child process.
    package var countAllocations = true
    /// Measure only the decoder with this name (`WeatherCore`, `JSONDecoder`), e.g. under a profiler.
    package var onlyDecoder: String?

    /// The usage text.
    package static let usage = """
        usage: DecodeBenchmark [--payloads DIR] [--kind KIND[,KIND…]] [--rounds N] [--min-sample SECONDS]
                               [--max-seconds SECONDS] [--no-allocs] [--only DECODER]
          --payloads DIR        sub-folders current/ forecast/ onecall/ air/ geo/ onecall4-current/
                                onecall4-1min/ onecall4-15min/ onecall4-1h/ onecall4-1day/ of *.json
                                (default: Benchmarks/Payloads of this checkout)
          --kind KIND           current, forecast, onecall, air, geocode (alias geo), onecall4-current,
                                onecall4-1min, onecall4-15min, onecall4-1h or onecall4-1day; repeatable
          --rounds N            interleaved rounds (default 5)
          --min-sample SECONDS  minimum CPU time of one sample (default 0.1)
          --max-seconds SECONDS no new round after this wall-clock time (default 60)
          --no-allocs           skip counting allocations
          --only DECODER        measure one decoder only (WeatherCore or JSONDecoder), e.g. under perf
        """

    /// Parses `arguments` (without the program name).
    package init(_ arguments: [String]) throws(UsageError) {
        payloads = Self.defaultPayloads()
        var chosenKinds: [PayloadKind] = []
        var iterator = arguments.makeIterator()
        func value(_ option: String) throws(UsageError) -> String {
            guard let value = iterator.next() else { throw UsageError("\(option) needs a value") }
            return value
        }
        func number(_ option: String) throws(UsageError) -> Double {
            let text = try value(option)
            guard let number = Double(text), number > 0 else {
                throw UsageError("\(option) \(text): not a positive number")
            }
            return number
        }
        while let argument = iterator.next() {
            switch argument {
            case "--payloads": payloads = URL(fileURLWithPath: try value(argument), isDirectory: true)
            case "--kind":
                for name in try value(argument).split(separator: ",") {
                    guard let kind = PayloadKind(argument: String(name)) else {
                        throw UsageError(
                            "--kind \(name): expected one of \(PayloadKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    chosenKinds.append(kind)
                }
            case "--rounds": timing.rounds = Int(try number(argument))
            case "--min-sample": timing.minSampleSeconds = try number(argument)
            case "--max-seconds": timing.maxSeconds = try number(argument)
            case "--no-allocs": countAllocations = false
            case "--only": onlyDecoder = try value(argument)
            case "-h", "--help": throw UsageError(nil)
            default: throw UsageError("unknown option \(argument)")
            }
        }
        if !chosenKinds.isEmpty {
            kinds = PayloadKind.allCases.filter(chosenKinds.contains)
        }
    }

    /// `--payloads` and `--kind` as given, to pass on to DecodeAllocCounter.
    package var corpusArguments: [String] {
        ["--payloads", payloads.path, "--kind", kinds.map(\.rawValue).joined(separator: ",")]
    }

    /// `Benchmarks/Payloads` of the checkout this was built from, else `./Benchmarks/Payloads`, else `./Payloads`.
    private static func defaultPayloads() -> URL {
        let source = URL(fileURLWithPath: #filePath)  // Benchmarks/Sources/DecodeBenchmarkKit/…
        let beside = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Payloads", isDirectory: true)
        let candidates = [beside.path, "Benchmarks/Payloads", "Payloads"]
        let found = candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
        return URL(fileURLWithPath: found, isDirectory: true)
    }
}

/// A bad command line: the message, or `nil` for `--help`.
package struct UsageError: Error {
    /// What is wrong, or `nil` when only the usage was asked for.
    package var message: String?

    /// A usage error.
    package init(_ message: String?) {
        self.message = message
    }
}
