/// A speed (wind), stored in metres per second.
///
/// The unit is part of the type: read the value in the unit you need, never a bare number.
public struct Speed: Sendable, Hashable, Comparable {
    /// The value in m/s.
    public var metersPerSecond: Double

    /// Creates a value from m/s.
    @inlinable
    public init(metersPerSecond: Double) {
        self.metersPerSecond = metersPerSecond
    }

    /// Orders by magnitude.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.metersPerSecond < rhs.metersPerSecond }
}
