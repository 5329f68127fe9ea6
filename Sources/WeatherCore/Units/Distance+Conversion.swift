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
