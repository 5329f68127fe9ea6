import WeatherServerCore
import WeatherPages

/// The bounds of one `POST /v1/batch`: how many items, how big a body, how long in all.
struct BatchLimits: Sendable {
    /// The most request targets in one batch.
    var maxItems = 50
    /// The largest body accepted: 50 targets of up to ``QueryString/maxLength`` bytes would be more,
    /// but a real target is well under 300 bytes; a bigger body is refused with 413 before it is parsed.
    var maxBodyBytes = 32 * 1024
    /// How long the whole batch may take; items still running then answer 504.
    var deadline: Duration = .seconds(10)

    /// The service's bounds.
    static let standard = BatchLimits()
}
