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

/// A unit a ``Pressure`` can be read or written in.
public enum PressureUnit: String, Sendable, Hashable, CaseIterable {
    /// Hectopascals (= millibars), the unit OpenWeather sends in every unit system.
    case hectopascals
    /// Kilopascals.
    case kilopascals
    /// Inches of mercury (at 0 °C), used by US reports.
    case inchesOfMercury
    /// Millimetres of mercury (at 0 °C).
    case millimetersOfMercury

    /// The symbol shown after a value: `hPa`, `kPa`, `inHg` or `mmHg`.
    public var symbol: String {
        switch self {
        case .hectopascals: "hPa"
        case .kilopascals: "kPa"
        case .inchesOfMercury: "inHg"
        case .millimetersOfMercury: "mmHg"
        }
    }

    /// Hectopascals in one of this unit.
    ///
    /// 1 mmHg = 133.322387415 Pa (13.5951 g/cm³ × 9.80665 m/s² × 1 mm); 1 inHg = 25.4 mmHg
    /// = 3386.388640341 Pa (NIST SP 811 gives 3.386 389 E+03 Pa).
    @inlinable
    public var hectopascalsPerUnit: Double {
        switch self {
        case .hectopascals: 1
        case .kilopascals: 10
        case .inchesOfMercury: 33.86388640341
        case .millimetersOfMercury: 1.33322387415
        }
    }
}

extension Pressure {
    /// Creates a pressure from a value in `unit`.
    @inlinable
    public init(_ value: Double, unit: PressureUnit) {
        self.init(hectopascals: value * unit.hectopascalsPerUnit)
    }

    /// The value in `unit`.
    @inlinable
    public func value(in unit: PressureUnit) -> Double {
        unit == .hectopascals ? hectopascals : hectopascals / unit.hectopascalsPerUnit
    }

    /// The value in kPa.
    @inlinable
    public var kilopascals: Double { value(in: .kilopascals) }

    /// The value in inHg.
    @inlinable
    public var inchesOfMercury: Double { value(in: .inchesOfMercury) }

    /// The value in mmHg.
    @inlinable
    public var millimetersOfMercury: Double { value(in: .millimetersOfMercury) }

    /// The value in `unit` with its symbol, e.g. `1013 hPa` or `29.92 inHg`.
    ///
    /// Without `fractionDigits`, each unit gets the precision weather reports use for it:
    /// 0 for hPa and mmHg, 1 for kPa, 2 for inHg.
    public func formatted(in unit: PressureUnit, fractionDigits: Int? = nil) -> String {
        let digits: Int
        if let fractionDigits {
            digits = fractionDigits
        } else {
            switch unit {
            case .hectopascals, .millimetersOfMercury: digits = 0
            case .kilopascals: digits = 1
            case .inchesOfMercury: digits = 2
            }
        }
        return UnitFormatting.format(value(in: unit), fractionDigits: digits, symbol: unit.symbol)
    }
}
