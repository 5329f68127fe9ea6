/// Writes a ``JSONValue`` as JSON text, deterministically for a given seed: members in shuffled
/// order, characters of strings (and optionally keys) as `\uXXXX` escapes, random whitespace.
/// Every output is valid RFC 8259 JSON with the same meaning as the input.
struct JSONTextWriter {
    /// Shuffle the members of every object.
    var shuffleKeys = false
    /// Probability that a character of a string value is written as `\uXXXX` (surrogate pairs above U+FFFF).
    var escapeProbability = 0.0
    /// Whether object keys are escaped too (`"\u0074emp"` is the key `temp`).
    var escapeKeys = false
    /// Probability of whitespace (space, tab, CR, LF) around each structural token.
    var whitespaceProbability = 0.0

    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// The text of `value`, as UTF-8.
    mutating func write(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, into: &out)
        return out
    }

    private mutating func write(_ value: JSONValue, into out: inout [UInt8]) {
        space(&out)
        switch value {
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            var ordered = members
            if shuffleKeys { ordered.shuffle(using: &random) }
            for (index, member) in ordered.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                space(&out)
                writeString(member.key, escaping: escapeKeys ? escapeProbability : 0, into: &out)
                space(&out)
                out.append(UInt8(ascii: ":"))
                write(member.value, into: &out)
            }
            space(&out)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            space(&out)
            out.append(UInt8(ascii: "]"))
        case .string(let string):
            writeString(string, escaping: escapeProbability, into: &out)
        case .integer(let integer):
            out += Array(String(integer).utf8)
        case .double(let double):
            // Swift prints the shortest text that parses back to the same Double.
            out += Array(double.description.utf8)
        case .bool(let bool):
            out += Array((bool ? "true" : "false").utf8)
        case .null:
            out += Array("null".utf8)
        }
        space(&out)
    }

    private mutating func writeString(_ string: String, escaping probability: Double, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += Array(#"\""#.utf8)
            case "\\": out += Array(#"\\"#.utf8)
            case "\u{08}": out += Array(#"\b"#.utf8)
            case "\u{0C}": out += Array(#"\f"#.utf8)
            case "\n": out += Array(#"\n"#.utf8)
            case "\r": out += Array(#"\r"#.utf8)
            case "\t": out += Array(#"\t"#.utf8)
            case "/" where random.chance(probability): out += Array(#"\/"#.utf8)
            default:
                if scalar.value < 0x20 || random.chance(probability) {
                    for unit in String(scalar).utf16 { out += Array(Self.unicodeEscape(unit, upper: random.chance(0.5)).utf8) }
                } else {
                    out += Array(String(scalar).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ unit: UInt16, upper: Bool) -> String {
        let hex = String(unit, radix: 16, uppercase: upper)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    private mutating func space(_ out: inout [UInt8]) {
        guard whitespaceProbability > 0, random.chance(whitespaceProbability) else { return }
        let choices: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
        for _ in 0...Int(random.next() % 3) { out.append(choices[Int(random.next() % 4)]) }
    }
}
