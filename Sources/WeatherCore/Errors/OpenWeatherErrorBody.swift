/// The body OpenWeather sends with an error: `{"cod": 401, "message": "Invalid API key. …"}`.
///
/// `cod` arrives as a number or a string (`"404"`), keys in any order, other keys are ignored.
/// Parsing is a single forward scan of the top-level object: nested values are skipped without
/// being built, there is no recursion, and malformed input yields `nil`, never a crash.
package struct OpenWeatherErrorBody: Sendable, Hashable {
    /// The `cod` field as a number (`"404"` and `404` both give 404), or `nil` when absent or not numeric.
    package var cod: Int?
    /// The `message` field when it is a string (success bodies of `/forecast` carry `"message": 0`).
    package var message: String?

    /// Creates a body.
    package init(cod: Int?, message: String?) {
        self.cod = cod
        self.message = message
    }

    /// Parses `bytes` if they are a JSON object with a `cod` or a string `message` at the top level.
    ///
    /// Returns `nil` for anything else: an array, an HTML page, an empty or truncated body.
    package init?(bytes: some Collection<UInt8>) {
        var scanner = ErrorBodyScanner(bytes: Array(bytes))
        guard let (cod, message) = scanner.scanTopLevel(), cod != nil || message != nil else { return nil }
        self.cod = cod
        self.message = message
    }
}

/// A forward-only scanner over a small JSON document, looking only at `cod` and `message`.
struct ErrorBodyScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// The `cod` and `message` of the top-level object, or `nil` when the document is not a
    /// well-formed object (nested values are checked only for balanced brackets and strings).
    mutating func scanTopLevel() -> (cod: Int?, message: String?)? {
        var cod: Int?
        var message: String?
        skipWhitespace()
        guard consume(UInt8(ascii: "{")) else { return nil }
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return (nil, nil) }
        while true {
            skipWhitespace()
            guard let key = scanKey() else { return nil }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { return nil }
            skipWhitespace()
            switch key {
            case .cod:
                if peek == UInt8(ascii: "\"") {
                    guard let text = scanString() else { return nil }
                    cod = Int(text)
                } else {
                    guard let token = scanToken() else { return nil }
                    cod = Int(token) ?? Double(token).flatMap { $0 == $0.rounded() && abs($0) < 1e9 ? Int($0) : nil }
                }
            case .message where peek == UInt8(ascii: "\""):
                guard let text = scanString() else { return nil }
                message = text
            default:
                guard skipValue() else { return nil }
            }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "}")) else { return nil }
            skipWhitespace()
            // Trailing bytes after the object mean this is not one JSON document.
            return index == bytes.count ? (cod, message) : nil
        }
    }

    /// The keys this scanner reads; every other key is skipped.
    enum Key { case cod, message, other }

    /// A key string, recognised by its raw bytes (keys with escapes count as other keys).
    mutating func scanKey() -> Key? {
        guard peek == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        guard skipString() else { return nil }
        let raw = bytes[start..<(index - 1)]
        if raw.elementsEqual("cod".utf8) { return .cod }
        if raw.elementsEqual("message".utf8) { return .message }
        return .other
    }

    /// Skips a string starting at its opening quote without building it; `false` when malformed.
    mutating func skipString() -> Bool {
        guard consume(UInt8(ascii: "\"")) else { return false }
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return true
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { return false }
                index += 1
                if escaped == UInt8(ascii: "u") {
                    guard scanHex4() != nil else { return false }
                } else if !Self.simpleEscapes.contains(escaped) {
                    return false
                }
            case 0x00..<0x20:
                return false
            default:
                break
            }
        }
        return false
    }

    /// The characters allowed after a backslash, besides `u`.
    static let simpleEscapes: Set<UInt8> = Set("\"\\/bfnrt".utf8)

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// A number or literal (`401`, `true`, `null`) as text, up to the next delimiter.
    mutating func scanToken() -> String? {
        let start = index
        while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: "}"), byte != UInt8(ascii: "]"),
            byte > 0x20
        {
            index += 1
        }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    /// Skips one value of any kind; `false` when it is malformed or truncated.
    mutating func skipValue() -> Bool {
        guard let first = peek else { return false }
        if first == UInt8(ascii: "\"") { return skipString() }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return scanToken() != nil }
        // Brackets are counted, not recursed into: 10,000-deep nesting costs one loop.
        var depth = 0
        while let byte = peek {
            switch byte {
            case UInt8(ascii: "\""):
                guard skipString() else { return false }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            default:
                break
            }
            index += 1
            if depth == 0 { return true }
        }
        return false
    }

    /// A string starting at the opening quote, with escapes decoded; `nil` when malformed.
    mutating func scanString() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        func flush() {
            if !utf8.isEmpty {
                scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
                utf8.removeAll(keepingCapacity: true)
            }
        }
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                guard let escaped = peek else { return nil }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escaped))
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    guard let scalar = scanUnicodeEscape() else { return nil }
                    scalars.append(scalar)
                default: return nil
                }
            case 0x00..<0x20:
                return nil
            default:
                utf8.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `XXXX` after `\u`, joining a surrogate pair; a lone surrogate becomes U+FFFD.
    mutating func scanUnicodeEscape() -> Unicode.Scalar? {
        guard let high = scanHex4() else { return nil }
        if (0xD800..<0xDC00).contains(high) {
            let save = index
            if consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")), let low = scanHex4(),
                (0xDC00..<0xE000).contains(low)
            {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            }
            index = save
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    mutating func scanHex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
