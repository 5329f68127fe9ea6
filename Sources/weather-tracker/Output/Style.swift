#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ANSI colour, on only when stdout is a terminal and `NO_COLOR` is unset or empty (no-color.org).
struct Style: Sendable {
    /// Whether escapes are written.
    let enabled: Bool

    /// Decides from the real stdout and the environment.
    static func forStandardOutput(environment: [String: String]) -> Style {
        Style(enabled: isatty(STDOUT_FILENO) == 1 && wantsColour(environment: environment))
    }

    /// Whether the environment allows colour: `NO_COLOR` absent or empty, and `TERM` not `dumb`.
    static func wantsColour(environment: [String: String]) -> Bool {
        (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// Text in bold.
    func bold(_ text: String) -> String { wrap(text, "1") }
    /// Text dimmed, for labels.
    func dim(_ text: String) -> String { wrap(text, "2") }
    /// Text in one of the 8 basic colours (31 red … 36 cyan).
    func colour(_ text: String, _ code: Int) -> String { wrap(text, String(code)) }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
