extension StringProtocol {
    /// The text as a plain decimal number — an optional sign, digits, an optional fraction
    /// (`-33.87`, `151`, `+8.5`, `0.5`) — or `nil`.
    ///
    /// Swift's `Double(_:)` also reads hexadecimal (`0x10` is 16), exponents, `inf` and `nan`: a
    /// request that spells a number so is refused rather than read as something else, and two
    /// spellings can never name one value in different ways. The one number parser of the package
    /// for text from requests and configuration.
    package var plainDecimal: Double? {
        var digits = 0
        var seenPoint = false
        var endsWithPoint = false
        for (index, byte) in utf8.enumerated() {
            endsWithPoint = byte == UInt8(ascii: ".")
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): if seenPoint || digits == 0 { return nil } else { seenPoint = true }
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if index != 0 { return nil }
            default: return nil
            }
        }
        guard digits > 0, !endsWithPoint else { return nil }
        return Double(String(self))
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
