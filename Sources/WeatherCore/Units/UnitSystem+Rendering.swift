extension Temperature {
    /// The value in the temperature unit of `system` (K, °C or °F).
    @inlinable
    public func value(in system: UnitSystem) -> Double { value(in: system.temperature) }

    /// The value in the temperature unit of `system`, with its symbol: `21.3 °C`.
    public func formatted(in system: UnitSystem, fractionDigits: Int = 1) -> String {
        formatted(in: system.temperature, fractionDigits: fractionDigits)
    }
}

extension Speed {
    /// The value in the speed unit of `system` (m/s or mph).
    @inlinable
    public func value(in system: UnitSystem) -> Double { value(in: system.speed) }

    /// The value in the speed unit of `system`, with its symbol: `5.2 m/s`.
    public func formatted(in system: UnitSystem, fractionDigits: Int = 1) -> String {
        formatted(in: system.speed, fractionDigits: fractionDigits)
    }
}

extension Pressure {
    /// The value in the pressure unit of `system` (hPa in every system).
    @inlinable
    public func value(in system: UnitSystem) -> Double { value(in: system.pressure) }
}

extension Distance {
    /// The value in the distance unit of `system` (m in every system).
    @inlinable
    public func value(in system: UnitSystem) -> Double { value(in: system.distance) }
}

extension Precipitation {
    /// The value in the precipitation unit of `system` (mm in every system).
    @inlinable
    public func value(in system: UnitSystem) -> Double { value(in: system.precipitation) }
}
