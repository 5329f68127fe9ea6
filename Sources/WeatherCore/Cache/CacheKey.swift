/// The key of one cache entry: endpoint, normalized place, language and schema version.
///
/// It never contains units (upstream is always asked in standard units and conversion is local,
/// so one entry serves every unit system) and never the API key.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// The key as stored, e.g. `wt:v2:current:city=zurich,ch:lang=en`.
    public let rawValue: String

    /// Wraps an already-normalized key.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The raw value.
    public var description: String { rawValue }
}
