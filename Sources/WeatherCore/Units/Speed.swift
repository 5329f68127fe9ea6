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

/// A unit a ``Speed`` can be read or written in.
public enum SpeedUnit: String, Sendable, Hashable, CaseIterable {
    /// Metres per second, OpenWeather's `standard` and `metric` unit.
    case metersPerSecond
    /// Kilometres per hour.
    case kilometersPerHour
    /// Statute miles per hour, OpenWeather's `imperial` unit.
    case milesPerHour
    /// Knots (nautical miles per hour).
    case knots

    /// The symbol shown after a value: `m/s`, `km/h`, `mph` or `kn`.
    public var symbol: String {
        switch self {
        case .metersPerSecond: "m/s"
        case .kilometersPerHour: "km/h"
        case .milesPerHour: "mph"
        case .knots: "kn"
        }
    }

    /// Metres per second in one of this unit (exact by definition: 1 mi = 1609.344 m, 1 NM = 1852 m).
    @inlinable
    public var metersPerSecondPerUnit: Double {
        switch self {
        case .metersPerSecond: 1
        case .kilometersPerHour: 1000.0 / 3600.0
        case .milesPerHour: 1609.344 / 3600.0
        case .knots: 1852.0 / 3600.0
        }
    }
}

extension Speed {
    /// Creates a speed from a value in `unit`.
    @inlinable
    public init(_ value: Double, unit: SpeedUnit) {
        self.init(metersPerSecond: value * unit.metersPerSecondPerUnit)
    }

    /// The value in `unit`.
    @inlinable
    public func value(in unit: SpeedUnit) -> Double {
        unit == .metersPerSecond ? metersPerSecond : metersPerSecond / unit.metersPerSecondPerUnit
    }

    /// The value in km/h.
    @inlinable
    public var kilometersPerHour: Double { value(in: .kilometersPerHour) }

    /// The value in mph.
    @inlinable
    public var milesPerHour: Double { value(in: .milesPerHour) }

    /// The value in knots.
    @inlinable
    public var knots: Double { value(in: .knots) }

    /// The force on the Beaufort scale (0–12) for this mean wind speed.
    @inlinable
    public var beaufort: BeaufortForce { BeaufortForce(speed: self) }

    /// The value in `unit` with its symbol, e.g. `5.2 m/s`.
    public func formatted(in unit: SpeedUnit, fractionDigits: Int = 1) -> String {
        UnitFormatting.format(value(in: unit), fractionDigits: fractionDigits, symbol: unit.symbol)
    }
}
