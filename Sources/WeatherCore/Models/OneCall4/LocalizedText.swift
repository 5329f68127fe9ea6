import Foundation

/// A text in one language, as One Call 4.0 alert details list their descriptions:
/// `{"language": "en-GB", "description": "…"}`.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The language, a BCP 47 tag as OpenWeather sends it (`en-GB`, `it-IT`); may be empty.
    public var language: String
    /// The text.
    public var text: String

    /// Creates a text.
    public init(language: String, text: String) {
        self.language = language
        self.text = text
    }

    /// Whether ``language`` is `code` or a regional form of it, case-insensitively: `en-GB`
    /// matches `en`, `en-gb` and `en_GB`.
    public func isLanguage(_ code: String) -> Bool {
        let mine = Self.normalized(language)
        let wanted = Self.normalized(code)
        guard !wanted.isEmpty else { return false }
        return mine == wanted || mine.hasPrefix(wanted + "-") || wanted.hasPrefix(mine + "-") && !mine.isEmpty
    }

    private static func normalized(_ tag: String) -> String {
        tag.trimmingWhitespace().lowercased().replacingOccurrences(of: "_", with: "-")
    }
}

extension Array where Element == LocalizedText {
    /// The text in `language` (a language code such as `it`, or a tag such as `it-IT`), else the
    /// English one, else the first; `nil` when there is none.
    public func text(preferring language: String?) -> String? {
        if let language, let match = first(where: { $0.isLanguage(language) }) { return match.text }
        return (first { $0.isLanguage("en") } ?? first)?.text
    }
}
