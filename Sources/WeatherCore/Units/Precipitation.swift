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

extension Precipitation {
    /// Creates an amount from a value in `unit`.
    @inlinable
    public init(_ value: Double, unit: PrecipitationUnit) {
        self.init(millimeters: value * unit.millimetersPerUnit)
    }

    /// The value in `unit`.
    @inlinable
    public func value(in unit: PrecipitationUnit) -> Double {
        unit == .millimeters ? millimeters : millimeters / unit.millimetersPerUnit
    }

    /// The value in inches.
    @inlinable
    public var inches: Double { value(in: .inches) }

    /// The value in `unit` with its symbol, e.g. `0.25 mm`.
    ///
    /// Without `fractionDigits`: 2 digits (OpenWeather reports hundredths of a millimetre).
    public func formatted(in unit: PrecipitationUnit, fractionDigits: Int = 2) -> String {
        UnitFormatting.format(value(in: unit), fractionDigits: fractionDigits, symbol: unit.symbol)
    }
}
