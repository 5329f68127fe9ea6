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
