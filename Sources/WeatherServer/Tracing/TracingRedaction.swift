import WeatherCore

/// What spans may say about a request target: its path, and its query with every secret's value
/// replaced (the same names ``RequestObservation`` hides in log lines: `appid`, `token`, …).
enum TracingRedaction {
    /// The query parameters Hummingbird's `TracingMiddleware` writes as `REDACTED` in `url.query`.
    static let queryParameters: Set<String> = [
        "appid", "APPID", "AppId", "apikey", "api_key", "key", "token", "access_token", "password", "secret",
    ]

    /// `target`'s query (after `?`) with secrets replaced; `nil` when it has none.
    static func query(of target: Substring) -> String? {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        let query = target[target.utf8.index(after: mark)...]
        guard !query.isEmpty else { return nil }
        return URLRedaction.redact(String(query))
    }
}
