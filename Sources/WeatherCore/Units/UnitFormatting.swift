/// Locale-independent number formatting for the units' `formatted(in:)` helpers.
///
/// Output is stable on every platform and locale (a dot as decimal separator, no grouping), so it
/// can be used in API responses, logs and tests alike.
enum UnitFormatting {
    /// `value` rounded half away from zero to `fractionDigits` (0–6) digits, then a space and `symbol`.
    static func format(_ value: Double, fractionDigits: Int, symbol: String) -> String {
        "\(format(value, fractionDigits: fractionDigits)) \(symbol)"
    }

    /// `value` rounded half away from zero to `fractionDigits` (clamped to 0–6) digits.
    ///
    /// Never prints `-0`: a value that rounds to zero is written without a sign.
    static func format(_ value: Double, fractionDigits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let digits = min(max(fractionDigits, 0), 6)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        // Past 2^53 every Double is an integer already: print it as is rather than overflow.
        guard scaled < 9_007_199_254_740_992 else { return value < 0 ? "-\(abs(value))" : "\(value)" }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        let fraction = units % divisor
        let sign = value < 0 && units != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        var fractionText = String(fraction)
        while fractionText.count < digits { fractionText = "0" + fractionText }
        return "\(sign)\(whole).\(fractionText)"
    }
}
