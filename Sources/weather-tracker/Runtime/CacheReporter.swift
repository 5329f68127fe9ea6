import WeatherCore

/// The `-v` line of one lookup: `cache: miss (age 0s) current:city=zurich:lang=en`.
enum CacheReporter {
    /// The line for `result`, its key shown without the `wt:v2:` prefix.
    static func line<M>(for result: WeatherResult<M>) -> String {
        let seconds = max(0, result.age.components.seconds)
        return "cache: \(result.cacheStatus) (age \(seconds)s) \(displayKey(result.key))"
    }

    /// The key without its `wt:vN:` namespace, which says nothing to a person.
    static func displayKey(_ key: CacheKey) -> String {
        let parts = key.rawValue.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "wt", parts[1].hasPrefix("v") { return String(parts[2]) }
        return key.rawValue
    }
}
