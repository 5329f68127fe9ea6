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
