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
