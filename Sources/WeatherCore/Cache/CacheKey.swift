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

extension CacheKey {
    /// The version of the cached form; bump it when entries written by older code must not be read.
    /// 2: names keep their diacritics and compatibility forms (version 1 folded them, so its
    /// entries may hold another place's answer).
    public static let currentSchemaVersion = 2

    /// Decimals kept for coordinates in keys unless the policy says otherwise: 2, about 1.1 km.
    public static let defaultCoordinatePrecision = 2

    /// The key of `request`: `wt:v<schema>:<endpoint>:<place>[:<parameters>]:lang=<language>`, or
    /// for a request about no place (a One Call 4.0 alert detail) `wt:v<schema>:<endpoint>:id=<encoded id>`.
    ///
    /// Built only from the request's endpoint, ``Place/normalizedKey(coordinatePrecision:)``, its
    /// parameters (normalized, sorted) and its language (`en` when none is given or the endpoint
    /// takes none). Units and the API key are deliberately not parts: upstream is always asked in
    /// standard units (one entry serves every unit system) and the key must never reach a cache.
    ///
    /// ```swift
    /// CacheKey(try .current(.city(name: "Zürich", country: "CH"), language: "de"))
    /// // wt:v2:current:city=zürich,ch:lang=de
    /// ```
    ///
    /// - Parameters:
    ///   - request: the validated request.
    ///   - schemaVersion: the cached form's version, ``currentSchemaVersion`` by default.
    ///   - coordinatePrecision: decimals kept for coordinates (clamped to 0...6).
    public init(
        _ request: OpenWeatherRequest, schemaVersion: Int = CacheKey.currentSchemaVersion,
        coordinatePrecision: Int = CacheKey.defaultCoordinatePrecision
    ) {
        var parts = ["wt", "v\(schemaVersion)", KeyNormalization.text(request.endpoint.rawValue)]
        guard let place = request.place else {
            // A resource without a place (an alert detail): the key is its id, exactly as encoded
            // in the path — opaque ids are not case-folded, and their `:` and `%` are encoded.
            parts.append("id=" + (request.pathSegment ?? ""))
            self.init(rawValue: parts.joined(separator: ":"))
            return
        }
        let spoken = request.endpoint.takesLanguage ? request.language.map(KeyNormalization.text) : nil
        parts.append(place.normalizedKey(coordinatePrecision: coordinatePrecision))
        parts += request.parameters.map { KeyNormalization.text($0.description) }.sorted()
        parts.append("lang=\(spoken.flatMap { $0.isEmpty ? nil : $0 } ?? "en")")
        self.init(rawValue: parts.joined(separator: ":"))
    }
}
