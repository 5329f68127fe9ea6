import WeatherCore
import WeatherServerCore
import WeatherPages

/// What spans may say about a request target: its path, and its query with every secret's value
/// replaced (the same names ``RequestObservation`` hides in log lines: `appid`, `token`, …).
enum TracingRedaction {
    /// The query parameters Hummingbird's `TracingMiddleware` writes as `REDACTED` in `url.query`:
    /// every spelling of every secret name ``URLRedaction`` knows (`appid`, `APPID`, `ApPiD`, …).
    ///
    /// The middleware compares names exactly, while a query's names are whatever the client sent;
    /// so the set holds each name in every upper/lower-case combination (about 2,600 strings,
    /// one hash lookup per query item), and a routed request's `url.query` hides what the fast
    /// path's (case-insensitive) redaction hides.
    static let queryParameters: Set<String> = Set(URLRedaction.secretNames.flatMap(caseVariants))

    /// `name` in every combination of upper- and lower-case letters.
    static func caseVariants(of name: String) -> [String] {
        name.reduce([""]) { prefixes, character in
            let spellings = Set([character.lowercased(), character.uppercased()])
            return prefixes.flatMap { prefix in spellings.map { prefix + $0 } }
        }
    }

    /// `target`'s query (after `?`) with secrets replaced; `nil` when it has none.
    static func query(of target: Substring) -> String? {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        let query = target[target.utf8.index(after: mark)...]
        guard !query.isEmpty else { return nil }
        return URLRedaction.redact(String(query))
    }
}
