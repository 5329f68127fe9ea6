/// A compass direction the wind blows *from*, in meteorological degrees (0 = north, 90 = east).
public struct Direction: Sendable, Hashable {
    /// The direction in degrees, as OpenWeather sends it (0–360).
    public var degrees: Double

    /// Creates a direction from degrees.
    @inlinable
    public init(degrees: Double) {
        self.degrees = degrees
    }
}

extension Direction {
    /// The point of the 16-point compass rose this direction falls in (348.75°–11.25° is ``CompassPoint/n``).
    public var compassPoint: CompassPoint { CompassPoint(degrees: degrees) }

    /// The direction wrapped into 0 ≤ degrees < 360 (e.g. 360 → 0, −90 → 270).
    public var normalized: Direction { Direction(degrees: Self.normalize(degrees)) }

    /// The direction with its compass point, e.g. `250° WSW`.
    public func formatted() -> String {
        // Round before wrapping so 359.6° prints as 0°, never 360°.
        let whole = Self.normalize(degrees.isFinite ? degrees.rounded() : 0)
        return "\(UnitFormatting.format(whole, fractionDigits: 0))° \(compassPoint.abbreviation)"
    }

    /// Wraps `degrees` into 0..<360.
    static func normalize(_ degrees: Double) -> Double {
        let wrapped = degrees.truncatingRemainder(dividingBy: 360)
        let positive = wrapped < 0 ? wrapped + 360 : wrapped
        // -1e-17 + 360 rounds to 360 in Double: fold it back to 0.
        return positive >= 360 ? 0 : positive
    }
}
