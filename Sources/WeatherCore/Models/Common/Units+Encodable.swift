// JSON renderings of the unit types with the unit named in the key, e.g. `{"kelvin":293.15}`,
// so nothing prints a bare number whose unit the reader has to guess.

extension Temperature: Encodable {
    /// Encodes as `{"kelvin": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(kelvin, forKey: .kelvin)
    }
}

extension Speed: Encodable {
    /// Encodes as `{"meters_per_second": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(metersPerSecond, forKey: .metersPerSecond)
    }
}

extension Pressure: Encodable {
    /// Encodes as `{"hectopascals": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(hectopascals, forKey: .hectopascals)
    }
}

extension Distance: Encodable {
    /// Encodes as `{"meters": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(meters, forKey: .meters)
    }
}

extension Precipitation: Encodable {
    /// Encodes as `{"millimeters": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(millimeters, forKey: .millimeters)
    }
}

extension Direction: Encodable {
    /// Encodes as `{"degrees": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(degrees, forKey: .degrees)
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
}
