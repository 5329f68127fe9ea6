/// An amount of precipitation (rain, snow as water equivalent), stored in millimetres.
///
/// The unit is part of the type: read the value in the unit you need, never a bare number.
public struct Precipitation: Sendable, Hashable, Comparable {
    /// The value in mm.
    public var millimeters: Double

    /// Creates a value from mm.
    @inlinable
    public init(millimeters: Double) {
        self.millimeters = millimeters
    }

    /// Orders by magnitude.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.millimeters < rhs.millimeters }
}
