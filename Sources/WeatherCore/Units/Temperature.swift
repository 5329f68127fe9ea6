/// A temperature, stored in kelvin as OpenWeather sends it in standard units.
///
/// The unit is part of the type: read the value in the unit you need, never a bare number.
public struct Temperature: Sendable, Hashable, Comparable {
    /// The value in K.
    public var kelvin: Double

    /// Creates a value from K.
    @inlinable
    public init(kelvin: Double) {
        self.kelvin = kelvin
    }

    /// Orders by magnitude.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.kelvin < rhs.kelvin }
}

/// A unit a ``Temperature`` can be read or written in.
public enum TemperatureUnit: String, Sendable, Hashable, CaseIterable {
    /// Kelvin, OpenWeather's `standard` unit.
    case kelvin
    /// Degrees Celsius, OpenWeather's `metric` unit.
    case celsius
    /// Degrees Fahrenheit, OpenWeather's `imperial` unit.
    case fahrenheit

    /// The symbol shown after a value: `K`, `°C` or `°F`.
    public var symbol: String {
        switch self {
        case .kelvin: "K"
        case .celsius: "°C"
        case .fahrenheit: "°F"
        }
    }
}

extension Temperature {
    /// The offset between the kelvin and Celsius scales (0 °C = 273.15 K, exactly, by definition).
    @usableFromInline static let celsiusOffset = 273.15

    /// Creates a temperature from a value in `unit`.
    @inlinable
    public init(_ value: Double, unit: TemperatureUnit) {
        switch unit {
        case .kelvin: self.init(kelvin: value)
        case .celsius: self.init(kelvin: value + Self.celsiusOffset)
        case .fahrenheit: self.init(kelvin: (value - 32) * 5 / 9 + Self.celsiusOffset)
        }
    }

    /// Creates a temperature from degrees Celsius.
    @inlinable
    public init(celsius: Double) { self.init(celsius, unit: .celsius) }

    /// Creates a temperature from degrees Fahrenheit.
    @inlinable
    public init(fahrenheit: Double) { self.init(fahrenheit, unit: .fahrenheit) }

    /// The value in `unit`.
    @inlinable
    public func value(in unit: TemperatureUnit) -> Double {
        switch unit {
        case .kelvin: kelvin
        case .celsius: kelvin - Self.celsiusOffset
        case .fahrenheit: (kelvin - Self.celsiusOffset) * 9 / 5 + 32
        }
    }

    /// The value in degrees Celsius.
    @inlinable
    public var celsius: Double { value(in: .celsius) }

    /// The value in degrees Fahrenheit.
    @inlinable
    public var fahrenheit: Double { value(in: .fahrenheit) }

    /// The value in `unit` with its symbol, e.g. `21.3 °C` (`K` is written without a degree sign).
    public func formatted(in unit: TemperatureUnit, fractionDigits: Int = 1) -> String {
        UnitFormatting.format(value(in: unit), fractionDigits: fractionDigits, symbol: unit.symbol)
    }
}
