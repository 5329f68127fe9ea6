/// A place's name in other languages (`local_names`), keyed by ISO 639 code (plus OpenWeather's
/// `ascii` and `feature_name`).
///
/// Compact on purpose: a large city has ~130 entries, and creating two `String`s per entry (let
/// alone hashing them into a `Dictionary`) would cost more than decoding the rest of the response.
/// All codes and names share one UTF-8 storage string with their end offsets, in document order;
/// ``entries`` and lookups build `String`s only on demand.
public struct LocalNames: Sendable, Equatable, Codable {
    /// One language and the place's name in it.
    public struct Entry: Sendable, Equatable, Codable {
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

    /// Every code and name, back to back.
    private var storage: String
    /// For entry `i`: `ends[2i]` is where its code ends in ``storage``'s UTF-8, `ends[2i+1]` its name.
    private var ends: [UInt32]

    /// Creates a collection from entries in order; for a repeated language the last one wins on lookup.
    public init(_ entries: [Entry]) {
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
        for entry in entries {
            bytes.append(contentsOf: entry.language.utf8)
            ends.append(UInt32(bytes.count))
            bytes.append(contentsOf: entry.name.utf8)
            ends.append(UInt32(bytes.count))
        }
        self.init(storage: bytes, ends: ends)
    }

    /// Wraps storage built by the decoder (valid UTF-8, whole scalars between offsets).
    init(storage bytes: [UInt8], ends: [UInt32]) {
        self.storage = String(decoding: bytes, as: UTF8.self)
        self.ends = ends
    }

    /// The number of languages.
    public var count: Int { ends.count / 2 }

    /// All entries, in the order OpenWeather sent them.
    public var entries: [Entry] {
        (0..<count).map { Entry(language: String(field(2 * $0)), name: String(field(2 * $0 + 1))) }
    }

    /// The name in `language` (e.g. `"de"`), if OpenWeather has one.
    public subscript(language: String) -> String? {
        for index in stride(from: count - 1, through: 0, by: -1)
        where field(2 * index).utf8.elementsEqual(language.utf8) {
            return String(field(2 * index + 1))
        }
        return nil
    }

    /// Every name keyed by language, for callers that want a dictionary.
    public var dictionary: [String: String] {
        Dictionary(entries.map { ($0.language, $0.name) }, uniquingKeysWith: { _, last in last })
    }

    /// Field `n` (codes at even, names at odd positions) as a slice of the storage.
    private func field(_ n: Int) -> Substring {
        let utf8 = storage.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: n == 0 ? 0 : Int(ends[n - 1]))
        let end = utf8.index(utf8.startIndex, offsetBy: Int(ends[n]))
        return storage[start..<end]
    }

    /// Encodes as a JSON object, as OpenWeather sends it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: LanguageKey.self)
        for entry in entries {
            try container.encode(entry.name, forKey: LanguageKey(stringValue: entry.language))
        }
    }

    /// Decodes the object ``encode(to:)`` writes, `{"de": "London", …}` (in the decoder's key order).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LanguageKey.self)
        self.init(try container.allKeys.map { Entry(language: $0.stringValue, name: try container.decode(String.self, forKey: $0)) })
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
        var bytes: [UInt8] = []
        var ends: [UInt32] = []
        bytes.reserveCapacity(256)
        ends.reserveCapacity(32)
        while try r.nextMember(&cursor) {
            r.appendCurrentKey(to: &bytes)
            ends.append(UInt32(truncatingIfNeeded: bytes.count))
            try r.appendString(to: &bytes)
            ends.append(UInt32(truncatingIfNeeded: bytes.count))
        }
        self.init(storage: bytes, ends: ends)
    }
}
