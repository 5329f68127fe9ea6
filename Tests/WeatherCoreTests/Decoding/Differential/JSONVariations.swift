import Foundation

/// Re-serializes a parsed document with the variations OpenWeather (or a proxy) may produce:
/// keys in another order, optional members left out, unknown members added, strings escaped,
/// whitespace between tokens.
struct JSONVariations {
    var generator: SplitMix64
    var shuffleKeys = true
    var dropOptional = true
    var addUnknown = true
    var escapeStrings = true
    var addWhitespace = true

    /// Members OpenWeather documents as optional (both decoders must treat them as absent).
    static let optionalKeys: Set<String> = [
        "rain", "snow", "gust", "wind_gust", "visibility", "sea_level", "grnd_level", "sunrise", "sunset", "alerts",
        "state", "local_names", "pop", "country", "temp_kf", "dt_txt", "sys", "base", "cod", "minutely", "summary",
        "moonrise", "moonset", "moon_phase", "uvi", "dew_point", "population", "feels_like",
    ]

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func render(_ value: Any) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    private mutating func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }

    private mutating func space(_ out: inout String) {
        if addWhitespace && chance(10) { out += [" ", "\n", "\t", "\r\n", "  "][Int(generator.next() % 5)] }
    }

    private mutating func write(_ value: Any, into out: inout String) {
        space(&out)
        switch value {
        case let object as [String: Any]:
            var members = object.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
            if shuffleKeys { members.shuffle(using: &generator) }
            if dropOptional { members.removeAll { Self.optionalKeys.contains($0.0) && chance(30) } }
            if addUnknown && chance(30) {
                let unknown: [String: Any] = ["nested": [1, "two", ["three": [NSNull()]]], "flag": "x"]
                members.insert(
                    ("x_unknown_\(generator.next() % 1000)", unknown),
                    at: Int(generator.next() % UInt64(members.count + 1)))
            }
            out += "{"
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { out += "," }
                writeString(key, into: &out)
                space(&out)
                out += ":"
                write(member, into: &out)
            }
            space(&out)
            out += "}"
        case let array as [Any]:
            out += "["
            for (index, element) in array.enumerated() {
                if index > 0 { out += "," }
                write(element, into: &out)
            }
            space(&out)
            out += "]"
        case let string as String:
            writeString(string, into: &out)
        case is NSNull:
            out += "null"
        case let number as NSNumber:
            let double = number.doubleValue
            if double == double.rounded() && abs(double) < 1e15 {
                out += String(Int64(double))
            } else {
                out += "\(double)"
            }
        default:
            out += "null"
        }
        space(&out)
    }

    private mutating func writeString(_ string: String, into out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            case _ where escapeStrings && chance(scalar.isASCII ? 10 : 50):
                for unit in String(scalar).utf16 { out += String(format: "\\u%04X", unit) }
            case "/" where escapeStrings && chance(50):
                out += "\\/"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
