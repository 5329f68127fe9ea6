/// Throughput and allocations of each decoder on each workload, measured in the same run, with
/// the ratio of each decoder to the baseline (the last one: JSONDecoder).
package struct DecodeComparisonSection: BenchmarkSection {
    /// The decoders, the baseline last.
    package var decoders: [DecoderUnderTest]
    /// One workload per kind, then `all kinds`.
    package var workloads: [Workload]
    /// Rounds, sample length and budget.
    package var timing: TimingOptions
    /// Counts allocations per workload and decoder (in a child process); `nil` leaves the columns empty.
    package var countAllocations: (@Sendable () async throws -> [String: [String: AllocationCount]])?

    package var title: String { "Decode throughput (release build, median of thread-CPU-time samples, MB = 10^6 B)" }

    /// A comparison of `decoders` over `workloads`.
    package init(
        decoders: [DecoderUnderTest], workloads: [Workload], timing: TimingOptions,
        countAllocations: (@Sendable () async throws -> [String: [String: AllocationCount]])?
    ) {
        self.decoders = decoders
        self.workloads = workloads
        self.timing = timing
        self.countAllocations = countAllocations
    }

    package func run() async throws -> [String] {
        try DecodeVerificationError.check(decoders, workloads)
        let allocations = try await countAllocations?() ?? [:]
        var sampler = InterleavedSampler(options: timing)
        try sampler.run(decoders: decoders, workloads: workloads)
        var lines = table(sampler: sampler, allocations: allocations).render()
        lines.append("")
        lines.append(
            "\(sampler.roundsCompleted) interleaved round(s), samples of ≥ \(timing.minSampleSeconds) s CPU; "
                + "allocs/doc: malloc calls per document in one pass"
                + (countAllocations == nil
                    ? " (not counted: --no-allocs)"
                    : allocations.isEmpty ? " (not counted: DecodeAllocCounter or the interposer is missing)" : "")
        )
        lines += targetCheck(sampler: sampler)
        return lines
    }

    private var baseline: DecoderUnderTest? { decoders.last }

    private func table(sampler: InterleavedSampler, allocations: [String: [String: AllocationCount]]) -> MarkdownTable {
        var header = ["kind", "docs", "avg size"]
        for decoder in decoders { header += ["\(decoder.name) MB/s", "docs/s", "allocs/doc"] }
        if let baseline {
            for decoder in decoders.dropLast() { header.append("\(decoder.name) × \(baseline.name)") }
        }
        var table = MarkdownTable(header: header)
        for workload in workloads {
            let count = workload.documents.count
            var row = [workload.label, String(count), averageSize(workload)]
            var rates: [Double] = []
            for decoder in decoders {
                guard let seconds = sampler.medianSeconds(workload: workload.label, decoder: decoder.name) else {
                    rates.append(.nan)
                    row += ["–", "–", "–"]
                    continue
                }
                let rate = Double(workload.totalBytes) / seconds / 1e6
                rates.append(rate)
                let allocs = allocations[workload.label]?[decoder.name].map { NumberFormatting.rate($0.perDocument) }
                row += [NumberFormatting.rate(rate), NumberFormatting.rate(Double(count) / seconds), allocs ?? "–"]
            }
            if let baselineRate = rates.last {
                for rate in rates.dropLast() { row.append(NumberFormatting.ratio(rate / baselineRate)) }
            }
            table.rows.append(row)
        }
        return table
    }

    /// The targets: ≥ 20× the baseline over all kinds (and over the One Call 4.0 kinds
    /// together), ≥ 15× on each kind.
    private func targetCheck(sampler: InterleavedSampler) -> [String] {
        guard decoders.count > 1, let baseline, let subject = decoders.first else { return [] }
        var lines: [String] = []
        for workload in workloads {
            guard let mine = sampler.medianSeconds(workload: workload.label, decoder: subject.name),
                let theirs = sampler.medianSeconds(workload: workload.label, decoder: baseline.name)
            else { continue }
            let ratio = theirs / mine
            let together = workload.label == "all kinds" || workload.label == PayloadCorpus.oneCall4Label
            let target = together ? 20.0 : 15.0
            let verdict = ratio >= target ? "meets" : "MISSES"
            lines.append(
                "- \(workload.label): \(NumberFormatting.ratio(ratio)) \(baseline.name) — \(verdict) the ≥ \(Int(target))× target"
            )
        }
        return lines.isEmpty ? [] : [""] + lines
    }

    private func averageSize(_ workload: Workload) -> String {
        let average = Double(workload.totalBytes) / Double(max(1, workload.documents.count))
        return average >= 1000 ? NumberFormatting.fixed(average / 1000, digits: 1) + " kB" : "\(Int(average)) B"
    }
}
