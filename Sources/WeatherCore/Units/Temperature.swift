/// A temperature, stored in kelvin as OpenWeather sends it in standard units.
///
/// The unit is part of the type: read the value in the unit you need, never a bare number.
public struct Temperature: Sendable, Hashable, Comparable {
    /// The value in K.
    public var kelvin: Double

    /// Creates a value from K.
    @inlinable
    public init(kelvin: Double) {
        self.kelvin = kelvin
    }

    /// Orders by magnitude.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.kelvin < rhs.kelvin }
}
