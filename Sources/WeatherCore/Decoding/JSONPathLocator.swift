/// Recomputes, on the cold path, the JSON path and the token at a failure's byte offset.
///
/// The decoder keeps no path while it runs; this re-scans the document (which was well-formed up
/// to the offset, since the decoder got there) with a small explicit stack, so it cannot
/// overflow on deep nesting.
enum JSONPathLocator {
    private enum Frame {
        case object(key: String?, expectingKey: Bool)
        case array(index: Int)
    }

    /// The path of the value at `offset`, e.g. `list[3].main.temp`; `""` for the root.
    static func path(in bytes: [UInt8], upTo offset: Int) -> String {
        var stack: [Frame] = []
        var i = 0
        let limit = min(offset, bytes.count)
        while i < limit {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"):
                stack.append(.object(key: nil, expectingKey: true))
                i += 1
            case UInt8(ascii: "["):
                stack.append(.array(index: 0))
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = stack.popLast()
                i += 1
            case UInt8(ascii: ","):
                switch stack.last {
                case .array(let index): stack[stack.count - 1] = .array(index: index + 1)
                case .object: stack[stack.count - 1] = .object(key: nil, expectingKey: true)
                case nil: break
                }
                i += 1
            case UInt8(ascii: "\""):
                var j = i + 1
                while j < limit && bytes[j] != UInt8(ascii: "\"") {
                    j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1
                }
                if j < limit, case .object(_, true) = stack.last {
                    let raw = bytes[(i + 1)..<min(j, bytes.count)]
                    stack[stack.count - 1] = .object(key: unescape(raw), expectingKey: false)
                }
                i = j + 1
            default:
                i += 1
            }
        }
        var path = ""
        for frame in stack {
            switch frame {
            case .object(let key?, _): path += path.isEmpty ? key : "." + key
            case .object(nil, _): break
            case .array(let index): path += "[\(index)]"
            }
        }
        return path
    }

    /// The token at `offset`, shortened to about 20 characters, or `end of input`.
    static func token(in bytes: [UInt8], at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let first = bytes[offset]
        var j = offset + 1
        if first == UInt8(ascii: "\"") {
            while j < bytes.count && bytes[j] != UInt8(ascii: "\"") {
                j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1
            }
            j = min(j + 1, bytes.count)
        } else if isWordByte(first) {
            while j < bytes.count && isWordByte(bytes[j]) { j += 1 }
        }
        var text = ""
        for scalar in String(decoding: bytes[offset..<j], as: UTF8.self).unicodeScalars.prefix(21) {
            // Control characters are shown escaped so the token stays on one line.
            text += scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: true) : String(scalar)
        }
        if text.count > 20 { text = String(text.prefix(19)) + "…" }
        return text
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// Decodes the escapes of a key well enough for a message (lone surrogates become U+FFFD).
    private static func unescape(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var units: [UInt16] = []
        var i = raw.startIndex
        func flushUnits() {
            scalars.append(contentsOf: String(decoding: units, as: UTF16.self).unicodeScalars)
            units.removeAll()
        }
        var plain: [UInt8] = []
        while i < raw.endIndex {
            if raw[i] == UInt8(ascii: "\\"), i + 1 < raw.endIndex {
                if !plain.isEmpty {
                    scalars.append(contentsOf: String(decoding: plain, as: UTF8.self).unicodeScalars)
                    plain.removeAll()
                }
                let e = raw[i + 1]
                if e == UInt8(ascii: "u"), i + 6 <= raw.endIndex,
                    let unit = UInt16(String(decoding: raw[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16)
                {
                    units.append(unit)
                    i += 6
                    continue
                }
                flushUnits()
                let mapped: UInt8 =
                    switch e {
                    case UInt8(ascii: "n"): 0x0A
                    case UInt8(ascii: "t"): 0x09
                    case UInt8(ascii: "r"): 0x0D
                    case UInt8(ascii: "b"): 0x08
                    case UInt8(ascii: "f"): 0x0C
                    default: e
                    }
                scalars.append(Unicode.Scalar(mapped))
                i += 2
            } else {
                flushUnits()
                plain.append(raw[i])
                i += 1
            }
        }
        flushUnits()
        scalars.append(contentsOf: String(decoding: plain, as: UTF8.self).unicodeScalars)
        return String(scalars)
    }
}
