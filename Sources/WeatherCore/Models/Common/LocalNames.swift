/// A place's name in other languages (`local_names`), keyed by ISO 639 code (plus OpenWeather's
/// `ascii` and `feature_name`).
///
/// Stored as pairs sorted by language rather than a `Dictionary`: a large city has ~130 entries,
/// and building a sorted array is cheaper than hashing each one, while lookups stay logarithmic.
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

    /// All entries, sorted by ``Entry/language`` (one per language; the last one sent wins).
    public private(set) var entries: [Entry]

    /// Creates a collection from entries in any order; for a repeated language the last one wins.
    public init(_ entries: [Entry]) {
        var sorted: [Entry] = []
        sorted.reserveCapacity(entries.count)
        for entry in entries {
            let index = Self.insertionIndex(of: entry.language, in: sorted)
            if index < sorted.count && sorted[index].language == entry.language {
                sorted[index] = entry
            } else {
                sorted.insert(entry, at: index)
            }
        }
        self.entries = sorted
    }

    /// The name in `language` (e.g. `"de"`), if OpenWeather has one.
    public subscript(language: String) -> String? {
        let index = Self.insertionIndex(of: language, in: entries)
        return index < entries.count && entries[index].language == language ? entries[index].name : nil
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

    private static func insertionIndex(of language: String, in entries: [Entry]) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].language < language { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension LocalNames: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var entries: [Entry] = []
        while try r.nextMember(&cursor) {
            let language = r.currentKey()
            entries.append(Entry(language: language, name: try r.string()))
        }
        self.init(entries)
    }
}
