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

extension Distance {
    /// Creates a distance from a value in `unit`.
    @inlinable
    public init(_ value: Double, unit: DistanceUnit) {
        self.init(meters: value * unit.metersPerUnit)
    }

    /// The value in `unit`.
    @inlinable
    public func value(in unit: DistanceUnit) -> Double {
        unit == .meters ? meters : meters / unit.metersPerUnit
    }

    /// The value in km.
    @inlinable
    public var kilometers: Double { value(in: .kilometers) }

    /// The value in statute miles.
    @inlinable
    public var miles: Double { value(in: .miles) }

    /// The value in `unit` with its symbol, e.g. `10 km`.
    public func formatted(in unit: DistanceUnit, fractionDigits: Int = 1) -> String {
        UnitFormatting.format(value(in: unit), fractionDigits: fractionDigits, symbol: unit.symbol)
    }
}
