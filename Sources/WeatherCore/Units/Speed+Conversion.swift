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
