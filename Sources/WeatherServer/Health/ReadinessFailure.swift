import WeatherServerCore

/// A readiness check's failure that says what to do, reported by `/ready` as it is (any other
/// error is reported as `unavailable`).
struct ReadinessFailure: Error, Sendable {
    /// The check's value in `/ready`'s `checks`.
    let summary: String

    /// No API key: the service runs on demo weather it was not asked for.
    static let missingAPIKey = ReadinessFailure(
        summary: "missing: set OPENWEATHER_API_KEY for real weather, or DEMO=1 to serve demo weather on purpose")
}
