/// One way of rewriting a fixture without changing its meaning to a tolerant decoder.
struct Variation: CustomStringConvertible {
    /// A short label for failure messages.
    var label: String
    /// The seed of every random choice, so a failure reproduces.
    var seed: UInt64
    var shuffleKeys = false
    var escapeProbability = 0.0
    var escapeKeys = false
    var whitespaceProbability = 0.0
    /// Probability of removing each optional member (the kind's optional paths).
    var removeProbability = 0.0
    /// Probability of adding unknown members to each object.
    var unknownProbability = 0.0

    var description: String { "\(label) (seed \(seed))" }

    /// The variations run on every fixture: each edit alone, then all of them together, for a few seeds.
    static func standardSet(seeds: ClosedRange<UInt64> = 1...3) -> [Variation] {
        seeds.flatMap { seed in
            [
                Variation(label: "keys shuffled", seed: seed, shuffleKeys: true),
                Variation(label: "optional members removed", seed: seed, removeProbability: 0.5),
                Variation(label: "all optional members removed", seed: seed, removeProbability: 1),
                Variation(label: "unknown members added", seed: seed, unknownProbability: 0.7),
                Variation(label: "strings \\u-escaped", seed: seed, escapeProbability: 0.5),
                Variation(label: "keys \\u-escaped", seed: seed, escapeProbability: 0.3, escapeKeys: true),
                Variation(label: "whitespace added", seed: seed, whitespaceProbability: 0.5),
                Variation(
                    label: "everything", seed: seed, shuffleKeys: true, escapeProbability: 0.3, escapeKeys: true,
                    whitespaceProbability: 0.3, removeProbability: 0.5, unknownProbability: 0.5),
            ]
        }
    }

    /// Rewrites `document`; `optionalPaths` are the members this kind may omit.
    func apply(to document: JSONValue, optionalPaths: [JSONVariations.Path]) -> [UInt8] {
        var random = SeededGenerator(seed: seed &* 7919)
        var value = document
        if removeProbability > 0 {
            value = JSONVariations.removing(optionalPaths, from: value, probability: removeProbability, random: &random)
        }
        if unknownProbability > 0 {
            value = JSONVariations.addingUnknownFields(to: value, probability: unknownProbability, random: &random)
        }
        var writer = JSONTextWriter(seed: seed)
        writer.shuffleKeys = shuffleKeys
        writer.escapeProbability = escapeProbability
        writer.escapeKeys = escapeKeys
        writer.whitespaceProbability = whitespaceProbability
        return writer.write(value)
    }
}
