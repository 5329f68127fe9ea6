// JSON renderings of the unit types with the unit named in the key, e.g. `{"kelvin":293.15}`,
// so nothing prints a bare number whose unit the reader has to guess.

extension UnitSystem {
    /// Put a ``UnitSystem`` under this key of an encoder's `userInfo` to have temperatures and
    /// speeds written in that system, named by their unit and rounded to 2 decimals as OpenWeather
    /// sends them: `{"celsius":21.3}`, `{"miles_per_hour":11.2}`. Without it they are written in
    /// standard units, unrounded (`{"kelvin":294.45}`).
    public static let codingUserInfoKey = CodingUserInfoKey(rawValue: "WeatherCore.UnitSystem")!
}

extension Temperature: Encodable {
    /// Encodes as `{"kelvin": …}`, or in the encoder's ``UnitSystem/codingUserInfoKey`` system.
    public func encode(to encoder: any Encoder) throws {
        guard let system = encoder.userInfo[UnitSystem.codingUserInfoKey] as? UnitSystem else {
            return try UnitKey.kelvin.encode(kelvin, to: encoder)
        }
        let key: UnitKey =
            switch system.temperature {
            case .kelvin: .kelvin
            case .celsius: .celsius
            case .fahrenheit: .fahrenheit
            }
        try key.encode(UnitKey.rounded(value(in: system)), to: encoder)
    }
}

extension Speed: Encodable {
    /// Encodes as `{"meters_per_second": …}`, or in the encoder's ``UnitSystem/codingUserInfoKey`` system.
    public func encode(to encoder: any Encoder) throws {
        guard let system = encoder.userInfo[UnitSystem.codingUserInfoKey] as? UnitSystem else {
            return try UnitKey.metersPerSecond.encode(metersPerSecond, to: encoder)
        }
        let key: UnitKey = system.speed == .milesPerHour ? .milesPerHour : .metersPerSecond
        try key.encode(UnitKey.rounded(value(in: system)), to: encoder)
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
    case celsius
    case fahrenheit
    case metersPerSecond = "meters_per_second"
    case milesPerHour = "miles_per_hour"
    case hectopascals
    case meters
    case millimeters
    case degrees

    /// A converted value to 2 decimals, so conversions print `21.3`, not `21.299999999999955`.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// Encodes `value` as the single member `{"<unit>": value}`.
    func encode(_ value: Double, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(value, forKey: self)
    }
}
