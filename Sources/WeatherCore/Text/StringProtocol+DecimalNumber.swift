extension StringProtocol {
    /// The text as a decimal number — an optional sign, digits, an optional fraction, an optional
    /// decimal exponent (`-33.87`, `151`, `+8.5`, `0.5`, `1e-05`, `2.5E+1`) — or `nil`.
    ///
    /// Swift's `Double(_:)` also reads hexadecimal (`0x10` is 16), `inf` and `nan`: a request that
    /// spells a number so is refused rather than read as something else. Exponents are read because
    /// JSON numbers have them (a client serializing a small latitude writes `1e-05`). The one number
    /// parser of the package for text from requests and configuration.
    package var plainDecimal: Double? {
        var digits = 0
        var seenPoint = false
        var exponentDigits: Int?
        var previous: UInt8?
        for (index, byte) in utf8.enumerated() {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if let count = exponentDigits { exponentDigits = count + 1 } else { digits += 1 }
            case UInt8(ascii: "."):
                if seenPoint || digits == 0 || exponentDigits != nil { return nil } else { seenPoint = true }
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if exponentDigits != nil || digits == 0 || previous == UInt8(ascii: ".") { return nil } else { exponentDigits = 0 }
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                let afterExponent = previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E")
                if index != 0 && !afterExponent { return nil }
            default: return nil
            }
        }
        // A point needs digits after it (`5.` is refused), an exponent at most 3 digits.
        guard digits > 0, previous != UInt8(ascii: "."), exponentDigits.map({ (1...3).contains($0) }) ?? true,
            let value = Double(String(self)), value.isFinite  // `1e999` overflows to infinity: not a number here
        else { return nil }
        return value
    }

    /// The text as a plain decimal integer — an optional sign and digits, at most 18 of them — or `nil`.
    package var plainInteger: Int? {
        var digits = 0
        for (index, byte) in utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if index != 0 { return nil }
            default: return nil
            }
        }
        guard (1...18).contains(digits) else { return nil }
        return Int(String(self))
    }
}
