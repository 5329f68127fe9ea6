extension CacheKey {
    /// The version of the cached form; bump it when entries written by older code must not be read.
    public static let currentSchemaVersion = 1

    /// Builds the key of one lookup: `wt:v<schema>:<endpoint>:<place>[:<parameters>]:lang=<lang>`.
    ///
    /// Units and the API key are deliberately not parameters: upstream is always asked in standard
    /// units (one entry serves every unit system) and the key must never reach a cache.
    ///
    /// - Parameters:
    ///   - endpoint: the endpoint family, e.g. `current`, `forecast`, `onecall`, `air`, `geo`.
    ///   - place: what the lookup is about; normalized (see ``CachePlace/normalized(coordinatePrecision:)``).
    ///   - parameters: other query items that change the answer, as `name=value` (`cnt=8`); sorted.
    ///   - lang: the response language; `nil` or empty means upstream's default (`en`).
    ///   - schemaVersion: the cached form's version, ``currentSchemaVersion`` by default.
    ///   - coordinatePrecision: decimals kept for coordinates, 2 by default (≈ 1.1 km).
    public init(
        endpoint: String, place: CachePlace, parameters: [String] = [], lang: String? = nil,
        schemaVersion: Int = CacheKey.currentSchemaVersion,
        coordinatePrecision: Int = 2
    ) {
        let language = lang.map { CachePlace.normalizeText($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "en"
        var parts = ["wt", "v\(schemaVersion)", CachePlace.normalizeText(endpoint)]
        parts.append(place.normalized(coordinatePrecision: coordinatePrecision))
        parts += parameters.map { CachePlace.normalizeText($0) }.sorted()
        parts.append("lang=\(language)")
        self.init(rawValue: parts.joined(separator: ":"))
    }
}
