/// A unit a ``Precipitation`` amount can be read or written in.
public enum PrecipitationUnit: String, Sendable, Hashable, CaseIterable {
    /// Millimetres, the unit OpenWeather sends in every unit system.
    case millimeters
    /// Inches (25.4 mm exactly).
    case inches

    /// The symbol shown after a value: `mm` or `in`.
    public var symbol: String {
        switch self {
        case .millimeters: "mm"
        case .inches: "in"
        }
    }

    /// Millimetres in one of this unit.
    @inlinable
    public var millimetersPerUnit: Double {
        switch self {
        case .millimeters: 1
        case .inches: 25.4
        }
    }
}
