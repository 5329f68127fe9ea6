/// A place's name in other languages (`local_names`), keyed by ISO 639 code (plus OpenWeather's
/// `ascii` and `feature_name`).
///
/// Stored as the pairs in document order rather than a `Dictionary`: a large city has ~130
/// entries, and hashing (or even sorting) them costs more than decoding the rest of the response,
/// while lookups are rare and a linear scan over short codes is quick.
public struct LocalNames: Sendable, Equatable, Encodable {
    /// One language and the place's name in it.
    public struct Entry: Sendable, Equatable, Encodable {
        /// The language code, e.g. `de`, or `ascii` / `feature_name`.
        public var language: String
        /// The name in that language.
        public var name: String

        /// Creates an entry.
        public init(language: String, name: String) {
            self.language = language
            self.name = name
        }
    }

    /// All entries, in the order OpenWeather sent them.
    public var entries: [Entry]

    /// Creates a collection from entries; for a repeated language the last one wins on lookup.
    public init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// The name in `language` (e.g. `"de"`), if OpenWeather has one.
    public subscript(language: String) -> String? {
        entries.last { $0.language == language }?.name
    }

    /// The number of languages.
    public var count: Int { entries.count }

    /// Every name keyed by language, for callers that want a dictionary.
    public var dictionary: [String: String] {
        Dictionary(entries.map { ($0.language, $0.name) }, uniquingKeysWith: { _, last in last })
    }

    /// Encodes as a JSON object, as OpenWeather sends it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LanguageKey.self)
        for entry in entries {
            try container.encode(entry.name, forKey: LanguageKey(stringValue: entry.language))
        }
    }

    private struct LanguageKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension LocalNames: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var entries: [Entry] = []
        entries.reserveCapacity(8)
        while try r.nextMember(&cursor) {
            let language = r.currentKey()
            entries.append(Entry(language: language, name: try r.string()))
        }
        self.init(entries)
    }
}
