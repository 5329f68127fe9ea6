/// An atmospheric pressure, stored in hectopascals.
///
/// The unit is part of the type: read the value in the unit you need, never a bare number.
public struct Pressure: Sendable, Hashable, Comparable {
    /// The value in hPa.
    public var hectopascals: Double

    /// Creates a value from hPa.
    @inlinable
    public init(hectopascals: Double) {
        self.hectopascals = hectopascals
    }

    /// Orders by magnitude.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.hectopascals < rhs.hectopascals }
}
