
/// Numbers for people, the same on every machine: a dot for decimals, no grouping, no `-0`.
package enum NumberText {
    /// `value` rounded half away from zero to `digits` (0–6) decimals: `12.3`, `-4`, `0`.
    package static func format(_ value: Double, digits: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let places = min(max(digits, 0), 6)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 1e15 else { return String(value) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let sign = value < 0 && units != 0 ? "-" : ""
        guard places > 0 else { return "\(sign)\(whole)" }
        var fraction = String(units % Int64(scale))
        while fraction.count < places { fraction = "0" + fraction }
        return "\(sign)\(whole).\(fraction)"
    }

    /// As ``format(_:digits:)`` without trailing zeros: `47.3667`, `8.55`, `-74`.
    package static func trimmed(_ value: Double, digits: Int) -> String {
        var text = format(value, digits: digits)
        guard text.contains(".") else { return text }
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
        return text
    }
}
