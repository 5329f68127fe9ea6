// JSON renderings of the unit types with the unit named in the key, e.g. `{"kelvin":293.15}`,
// so nothing prints a bare number whose unit the reader has to guess; decoding reads any of them back.

extension UnitSystem {
    /// Put a ``UnitSystem`` under this key of an encoder's `userInfo` to have temperatures and
    /// speeds written in that system, named by their unit and rounded to 2 decimals as OpenWeather
    /// sends them: `{"celsius":21.3}`, `{"miles_per_hour":11.2}`. Without it they are written in
    /// standard units, unrounded (`{"kelvin":294.45}`).
    public static let codingUserInfoKey = CodingUserInfoKey(rawValue: "WeatherCore.UnitSystem")!
}

extension Temperature: Codable {
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

    /// Decodes what ``encode(to:)`` writes in any system: `{"kelvin": …}`, `{"celsius": …}` or `{"fahrenheit": …}`.
    public init(from decoder: any Decoder) throws {
        self = try UnitKey.decode(from: decoder, [
            (.kelvin, { Temperature(kelvin: $0) }), (.celsius, { Temperature(celsius: $0) }),
            (.fahrenheit, { Temperature(fahrenheit: $0) }),
        ])
    }
}

extension Speed: Codable {
    /// Encodes as `{"meters_per_second": …}`, or in the encoder's ``UnitSystem/codingUserInfoKey`` system.
    public func encode(to encoder: any Encoder) throws {
        guard let system = encoder.userInfo[UnitSystem.codingUserInfoKey] as? UnitSystem else {
            return try UnitKey.metersPerSecond.encode(metersPerSecond, to: encoder)
        }
        let key: UnitKey = system.speed == .milesPerHour ? .milesPerHour : .metersPerSecond
        try key.encode(UnitKey.rounded(value(in: system)), to: encoder)
    }

    /// Decodes `{"meters_per_second": …}` or `{"miles_per_hour": …}`.
    public init(from decoder: any Decoder) throws {
        self = try UnitKey.decode(from: decoder, [
            (.metersPerSecond, { Speed(metersPerSecond: $0) }), (.milesPerHour, { Speed($0, unit: .milesPerHour) }),
        ])
    }
}

extension Pressure: Codable {
    /// Encodes as `{"hectopascals": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.hectopascals.encode(hectopascals, to: encoder)
    }

    /// Decodes `{"hectopascals": …}`.
    public init(from decoder: any Decoder) throws {
        self = try UnitKey.decode(from: decoder, [(.hectopascals, { Pressure(hectopascals: $0) })])
    }
}

extension Distance: Codable {
    /// Encodes as `{"meters": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.meters.encode(meters, to: encoder)
    }

    /// Decodes `{"meters": …}`.
    public init(from decoder: any Decoder) throws {
        self = try UnitKey.decode(from: decoder, [(.meters, { Distance(meters: $0) })])
    }
}

extension Precipitation: Codable {
    /// Encodes as `{"millimeters": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.millimeters.encode(millimeters, to: encoder)
    }

    /// Decodes `{"millimeters": …}`.
    public init(from decoder: any Decoder) throws {
        self = try UnitKey.decode(from: decoder, [(.millimeters, { Precipitation(millimeters: $0) })])
    }
}

extension Direction: Codable {
    /// Encodes as `{"degrees": …}`.
    public func encode(to encoder: any Encoder) throws {
        try UnitKey.degrees.encode(degrees, to: encoder)
    }

    /// Decodes `{"degrees": …}`.
    public init(from decoder: any Decoder) throws {
        self = try UnitKey.decode(from: decoder, [(.degrees, { Direction(degrees: $0) })])
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

    /// The value under the first of `units` the object holds, converted by its initializer.
    static func decode<Value>(from decoder: any Decoder, _ units: [(UnitKey, (Double) -> Value)]) throws -> Value {
        let container = try decoder.container(keyedBy: UnitKey.self)
        // Every unit is asked for, so a decoder that records what is asked (the service's OpenAPI
        // schemas are derived that way) learns all of them.
        let values = try units.map { try container.decodeIfPresent(Double.self, forKey: $0.0) }
        if let index = values.firstIndex(where: { $0 != nil }), let value = values[index] { return units[index].1(value) }
        throw DecodingError.keyNotFound(
            units[0].0,
            DecodingError.Context(
                codingPath: container.codingPath,
                debugDescription: "Expected one of " + units.map { "\"\($0.0.rawValue)\"" }.joined(separator: ", ") + "."))
    }

    /// Encodes `value` as the single member `{"<unit>": value}`.
    func encode(_ value: Double, to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: UnitKey.self)
        try container.encode(value, forKey: self)
    }
}
