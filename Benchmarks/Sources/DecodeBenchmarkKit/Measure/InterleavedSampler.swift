/// Times several decoders on the same workloads in interleaved rounds, so that a burst of load
/// from another process hits every decoder alike.
package struct InterleavedSampler {
    /// Seconds of thread CPU time per pass, per workload label and decoder name, one value per round.
    package private(set) var secondsPerPass: [String: [String: [Double]]] = [:]
    /// Rounds completed.
    package private(set) var roundsCompleted = 0

    private let options: TimingOptions

    /// A sampler with the given bounds.
    package init(options: TimingOptions) {
        self.options = options
    }

    /// Runs the rounds: in each, every workload, and for each workload every decoder in turn (the order
    /// flips every round). The first round is preceded by one untimed warm-up pass of each.
    package mutating func run(decoders: [DecoderUnderTest], workloads: [Workload]) throws {
        for workload in workloads {
            for decoder in decoders where decoder.handles(workload) { try decoder.pass(over: workload) }
        }
        let start = CPUClock.monotonicNanoseconds()
        for round in 0..<max(1, options.rounds) {
            if round > 0, Double(CPUClock.monotonicNanoseconds() - start) / 1e9 > options.maxSeconds { break }
            let order = round.isMultiple(of: 2) ? decoders : decoders.reversed()
            for workload in workloads {
                for decoder in order where decoder.handles(workload) {
                    let seconds = try sample(decoder, workload)
                    secondsPerPass[workload.label, default: [:]][decoder.name, default: []].append(seconds)
                }
            }
            roundsCompleted = round + 1
        }
    }

    /// Median seconds per pass of `decoder` on `workload`, or `nil` if it was not measured.
    package func medianSeconds(workload: String, decoder: String) -> Double? {
        guard let samples = secondsPerPass[workload]?[decoder], !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// Repeats whole passes until the sample reaches its minimum CPU time; returns seconds per pass.
    private func sample(_ decoder: DecoderUnderTest, _ workload: Workload) throws -> Double {
        let minimum = UInt64(options.minSampleSeconds * 1e9)
        let start = CPUClock.threadNanoseconds()
        var passes = 0
        var elapsed: UInt64 = 0
        repeat {
            try decoder.pass(over: workload)
            passes += 1
            elapsed = CPUClock.threadNanoseconds() - start
        } while elapsed < minimum
        return Double(elapsed) / 1e9 / Double(passes)
    }
}
