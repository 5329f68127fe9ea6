/// Lets people type southern or western coordinates as they are: `current -33.87,151.21`.
///
/// ArgumentParser reads any word starting with `-` as an option, so `-33.87,151.21` would be an
/// unknown flag. Before parsing, such a word is moved behind `--` when it is a positional place,
/// or joined to its option (`--reverse=-33.87,151.21`) when it is that option's value.
enum NegativeCoordinates {
    /// Options whose value may be coordinates.
    static let coordinateOptions: Set<String> = ["--reverse"]

    /// Whether `word` is `LAT,LON` with a leading minus, e.g. `-33.87,151.21` or `-1,-2.5`.
    static func isNegativeCoordinate(_ word: String) -> Bool {
        guard word.hasPrefix("-") else { return false }
        let parts = word.split(separator: ",", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { Double($0) != nil }
    }

    /// The arguments (without the program name) rewritten so that ArgumentParser reads negative
    /// coordinates as values. Arguments after an explicit `--` are left as they are.
    static func rewrite(_ arguments: [String]) -> [String] {
        var options: [String] = []
        var positionals: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            if word == "--" {
                return options + ["--"] + positionals + arguments[(index + 1)...]
            }
            if coordinateOptions.contains(word), index + 1 < arguments.endIndex,
                isNegativeCoordinate(arguments[index + 1])
            {
                options.append("\(word)=\(arguments[index + 1])")
                index += 2
                continue
            }
            if isNegativeCoordinate(word) {
                positionals.append(word)
            } else {
                options.append(word)
            }
            index += 1
        }
        return positionals.isEmpty ? options : options + ["--"] + positionals
    }
}
