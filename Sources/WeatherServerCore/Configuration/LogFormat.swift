/// How log lines are written to stdout.
public enum LogFormat: String, Sendable, CaseIterable {
    /// One readable line per event, for people at a terminal.
    case text
    /// One JSON object per line, for log shippers.
    case json
}
