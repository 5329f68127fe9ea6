/// A unit a ``Distance`` can be read or written in.
public enum DistanceUnit: String, Sendable, Hashable, CaseIterable {
    /// Metres, the unit OpenWeather sends visibility in, in every unit system.
    case meters
    /// Kilometres.
    case kilometers
    /// Statute miles (1609.344 m exactly).
    case miles

    /// The symbol shown after a value: `m`, `km` or `mi`.
    public var symbol: String {
        switch self {
        case .meters: "m"
        case .kilometers: "km"
        case .miles: "mi"
        }
    }

    /// Metres in one of this unit.
    @inlinable
    public var metersPerUnit: Double {
        switch self {
        case .meters: 1
        case .kilometers: 1000
        case .miles: 1609.344
        }
    }
}
