import Foundation

/// The place part of a ``CacheKey``, before normalization.
///
/// Two spellings of one place ("  Zürich,CH", "zürich, ch", a decomposed "Zu\u{308}rich,ch") give one key,
/// and coordinates closer than the configured precision share an entry, so nearby lookups
/// reuse one upstream call.
public enum CachePlace: Sendable, Hashable {
    /// A city name query such as `Zürich,CH` or `London,GB`.
    case name(String)
    /// Geographic coordinates in degrees; rounded to the key's precision.
    case coordinates(latitude: Double, longitude: Double)
    /// A postal code query such as `94040,US`.
    case zip(String)
    /// An OpenWeather city id.
    case cityID(Int)

    /// The normalized text of this place as it appears in a key, e.g. `city=zurich,ch` or `lat=47.37,lon=8.54`.
    ///
    /// - Parameter coordinatePrecision: decimals kept for coordinates (2 ≈ 1.1 km), clamped to 0...6.
    public func normalized(coordinatePrecision: Int = 2) -> String {
        switch self {
        case .name(let name):
            return "city=" + Self.normalizeText(name)
        case .zip(let zip):
            return "zip=" + Self.normalizeText(zip)
        case .cityID(let id):
            return "id=\(id)"
        case .coordinates(let latitude, let longitude):
            let precision = min(max(coordinatePrecision, 0), 6)
            return "lat=" + Self.format(latitude, precision) + ",lon=" + Self.format(longitude, precision)
        }
    }

    /// Trims, NFKC-normalizes, case- and diacritic-folds, collapses whitespace (also around commas)
    /// and escapes `:` and `%` so that a name can never forge another key's structure.
    static func normalizeText(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(text) }
        let composed = text.precomposedStringWithCompatibilityMapping
        let folded = composed.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil
        )
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
    static func normalizeASCII(_ text: String) -> String {
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
    static func format(_ value: Double, _ precision: Int) -> String {
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

extension CachePlace {
    /// The cache-key form of a request's place (normalized later, by ``CacheKey``).
    public init(_ place: Place) {
        switch place {
        case .city(let name, let state, let country):
            self = .name([name, state, country].compactMap { $0 }.joined(separator: ","))
        case .cityID(let id):
            self = .cityID(id)
        case .coordinates(let coordinates):
            self = .coordinates(latitude: coordinates.latitude, longitude: coordinates.longitude)
        case .zip(let code, let country):
            self = .zip([code, country].compactMap { $0 }.joined(separator: ","))
        }
    }
}
