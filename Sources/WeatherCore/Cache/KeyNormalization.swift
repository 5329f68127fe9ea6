import Foundation

/// The text normalization of cache keys: two spellings of one name ("  Zürich,CH", "zürich, ch",
/// a decomposed "Zu\u{308}rich,ch") give one key, and a name can never forge another key's structure.
///
/// Only what cannot tell places apart is folded: case and Unicode canonical equivalence (NFC of
/// NFD). Diacritics and compatibility forms are kept: `Bäch` and `Bach`, `São` and `Sao`,
/// `Müller` and `Muller` are different places to OpenWeather (and to their people), and whoever
/// asked first must not decide the answer for the other spelling.
enum KeyNormalization {
    /// Trims, NFC-normalizes, lower-cases, collapses whitespace (also around commas) and escapes
    /// `:` and `%`.
    static func text(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return ascii(text) }
        // Lower case, not Unicode case folding: folding would also turn a ligature such as `ﬁ` into `fi`.
        let folded = text.precomposedStringWithCanonicalMapping.lowercased()
        let parts = folded.split(separator: ",", omittingEmptySubsequences: false).map { part in
            part.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        var out = ""
        for scalar in parts.joined(separator: ",").unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case "%": out += "%25"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.precomposedStringWithCanonicalMapping
    }

    /// The same normalization for ASCII text, without Foundation (which is slow on Linux): the
    /// common case on the hot path (every lookup builds a key).
    static func ascii(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 4)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                pendingSpace = !out.isEmpty && out.last != UInt8(ascii: ",")
            case UInt8(ascii: ","):
                pendingSpace = false
                out.append(byte)
            default:
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 0x20)
                case UInt8(ascii: ":"): out += Array("%3A".utf8)
                case UInt8(ascii: "%"): out += Array("%25".utf8)
                default: out.append(byte)
                }
            }
        }
        // A space is written only between two non-separator characters, never next to a comma.
        return String(decoding: out, as: UTF8.self)
    }

    /// Rounds half away from zero and prints with exactly `precision` decimals, without `-0`.
    static func decimal(_ value: Double, _ precision: Int) -> String {
        guard value.isFinite else { return "nan" }
        var scale = 1.0
        for _ in 0..<precision { scale *= 10 }
        let scaled = Int64((value * scale).rounded(.toNearestOrAwayFromZero))
        let negative = scaled < 0
        let magnitude = scaled.magnitude
        let divisor = UInt64(scale)
        let whole = magnitude / divisor
        var text = (negative ? "-" : "") + String(whole)
        if precision > 0 {
            let fraction = String(magnitude % divisor)
            text += "." + String(repeating: "0", count: precision - fraction.count) + fraction
        }
        return text
    }
}
