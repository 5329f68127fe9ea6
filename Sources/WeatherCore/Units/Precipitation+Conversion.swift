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
