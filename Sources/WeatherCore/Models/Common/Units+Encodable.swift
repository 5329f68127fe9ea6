// JSON renderings of the unit types with the unit named in the key, e.g. `{"kelvin":293.15}`,
// so nothing prints a bare number whose unit the reader has to guess.

extension Temperature: Encodable {
    /// Encodes as `{"kelvin": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.kelvin.encode(kelvin, to: encoder)
    }
}

extension Speed: Encodable {
    /// Encodes as `{"meters_per_second": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.metersPerSecond.encode(metersPerSecond, to: encoder)
    }
}

extension Pressure: Encodable {
    /// Encodes as `{"hectopascals": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.hectopascals.encode(hectopascals, to: encoder)
    }
}

extension Distance: Encodable {
    /// Encodes as `{"meters": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.meters.encode(meters, to: encoder)
    }
}

extension Precipitation: Encodable {
    /// Encodes as `{"millimeters": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.millimeters.encode(millimeters, to: encoder)
    }
}

extension Direction: Encodable {
    /// Encodes as `{"degrees": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.degrees.encode(degrees, to: encoder)
    }
}

/// The unit names used as JSON keys (snake_case regardless of the encoder's key strategy).
private enum UnitKey: String, CodingKey {
    case kelvin
    case metersPerSecond = "meters_per_second"
    case hectopascals
    case meters
    case millimeters
    case degrees

    /// Encodes `value` as the single member `{"<unit>": value}`.
    func encode(_ value: Double, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(value, forKey: self)
    }
}
