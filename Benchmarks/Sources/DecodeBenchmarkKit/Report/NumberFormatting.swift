/// Compact, locale-independent numbers for the report tables.
package enum NumberFormatting {
    /// Three significant digits for small values, thousands separators for large ones: `0.812`, `26.4`, `1,633`.
    package static func rate(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value >= 1000 { return grouped(Int(value.rounded())) }
        if value >= 100 { return String(Int(value.rounded())) }
        if value >= 10 { return fixed(value, digits: 1) }
        return fixed(value, digits: 2)
    }

    /// A ratio like `23.4×`.
    package static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return (value >= 100 ? String(Int(value.rounded())) : fixed(value, digits: 1)) + "×"
    }

    /// `1,234,567`.
    package static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index).isMultiple(of: 3) { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    /// `value` with exactly `digits` decimals.
    package static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(abs(scaled % Int(scale)))
        let padded = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
        return (value < 0 && whole == 0 ? "-" : "") + String(whole) + (digits > 0 ? "." + padded : "")
    }
}
