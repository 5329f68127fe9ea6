/// Percent-encoding of query components (RFC 3986, section 2).
///
/// Only the unreserved characters (`A–Z a–z 0–9 - . _ ~`) are kept; every other byte of the value's
/// UTF-8 form is written as `%XX` with upper-case hex digits, so `Zürich` becomes `Z%C3%BCrich`, a
/// space `%20` (never `+`), and a comma inside a value `%2C`. Separators the API defines (the commas
/// of `q=city,state,country`, `zip=code,country` and `exclude=a,b`) are added by the request builder
/// between encoded parts, so they stay literal.
package enum PercentEncoding {
    /// `value` with every byte outside the unreserved set percent-encoded.
    package static func encode(_ value: some StringProtocol) -> String {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `byte` is an RFC 3986 unreserved character.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// `value` with every `%XX` sequence decoded (invalid sequences and invalid UTF-8 are kept as
    /// they are, or become U+FFFD): for showing an encoded value to people, never for security.
    package static func decode(_ value: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(value.utf8)
        bytes.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hexValue(utf8[i + 1]),
                let low = hexValue(utf8[i + 2])
            {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` with every `%XX` sequence decoded, or `nil` when a sequence is malformed or the
    /// bytes are not UTF-8: for values a program reads (configuration lists), where a typo must not
    /// pass silently.
    package static func strictDecode(_ value: some StringProtocol) -> String? {
        var bytes: [UInt8] = []
        var iterator = value.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The value of one hexadecimal digit, or `nil`.
    package static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
