/// A distance (visibility), stored in metres.
///
/// The unit is part of the type: read the value in the unit you need, never a bare number.
public struct Distance: Sendable, Hashable, Comparable {
    /// The value in m.
    public var meters: Double

    /// Creates a value from m.
    @inlinable
    public init(meters: Double) {
        self.meters = meters
    }

    /// Orders by magnitude.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.meters < rhs.meters }
}
