import Foundation

extension WeatherEventRule: Codable {
    /// The API's field names, snake_case as written: Foundation's `.convertToSnakeCase` leaves them as they are.
    private enum CodingKeys: String, CodingKey {
        case type
        case mmPerHour = "mm_per_hour"
        case minutes, below, above, hours, index
        /// `mm_per_hour` as a `.convertFromSnakeCase` decoder presents it.
        case mmPerHourConverted = "mmPerHour"

        /// The name the API documents, whatever key the decoder presented.
        var apiName: String { self == .mmPerHourConverted ? Self.mmPerHour.stringValue : stringValue }
    }

    /// Decodes the API's JSON (see ``WeatherEventRule``), checked as ``init(_:)`` checks.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for an unknown `type`, a
    ///   missing or mistyped field, or a value out of range; the message says what to change.
    public init(from decoder: any Decoder) throws {
        let container: KeyedDecodingContainer<CodingKeys>
        do {
            container = try decoder.container(keyedBy: CodingKeys.self)
        } catch {
            throw WeatherError.invalidRequest(
                "A rule is a JSON object with a type, e.g. "
                    + "{\"type\":\"precipitation\",\"mm_per_hour\":0.5,\"minutes\":60}.")
        }
        let typeName = try Self.field(
            String.self, .type, in: container, "one of alert, precipitation, temperature, air_quality")
        guard let kind = WeatherEventKind(rawValue: typeName) else {
            throw WeatherError.invalidRequest(
                "type \"\(typeName)\" is not a kind of event: use alert, precipitation, temperature or air_quality.")
        }
        switch kind {
        case .alert:
            self = .alert
        case .precipitation:
            let rateKey: CodingKeys = container.contains(.mmPerHourConverted) ? .mmPerHourConverted : .mmPerHour
            let rate = try Self.field(Double.self, rateKey, in: container, "a rate in mm/h, e.g. 0.5")
            let minutes = try Self.field(Int.self, .minutes, in: container, "a whole number of minutes, e.g. 60")
            self = try .precipitation(mmPerHour: rate, minutes: minutes)
        case .temperature:
            let below = try Self.optionalField(Double.self, .below, in: container, "a temperature in °C")
            let above = try Self.optionalField(Double.self, .above, in: container, "a temperature in °C")
            let hours = try Self.field(Int.self, .hours, in: container, "a whole number of hours, e.g. 12")
            switch (below, above) {
            case (let below?, nil): self = try .temperature(below: below, hours: hours)
            case (nil, let above?): self = try .temperature(above: above, hours: hours)
            default:
                throw WeatherError.invalidRequest(
                    "A temperature rule needs exactly one of below or above (°C), e.g. "
                        + "{\"type\":\"temperature\",\"below\":-5,\"hours\":12}.")
            }
        case .airQuality:
            let number = try Self.field(Int.self, .index, in: container, "OpenWeather's air quality index, 1 to 5")
            guard let index = AirQualityIndex(index: number) else {
                throw WeatherError.invalidRequest(
                    "index \(number) is out of range: use OpenWeather's air quality index, "
                        + "from 1 (good) to 5 (very poor).")
            }
            self = .airQuality(atLeast: index)
        }
    }

    /// Encodes the API's JSON (see ``WeatherEventRule``).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind.rawValue, forKey: .type)
        switch condition {
        case .alert:
            break
        case .precipitation(let rate, let minutes):
            try container.encode(rate, forKey: .mmPerHour)
            try container.encode(minutes, forKey: .minutes)
        case .temperature(let bound, let hours):
            switch bound {
            case .below(let celsius): try container.encode(celsius, forKey: .below)
            case .above(let celsius): try container.encode(celsius, forKey: .above)
            }
            try container.encode(hours, forKey: .hours)
        case .airQuality(let index):
            try container.encode(index.index, forKey: .index)
        }
    }

    /// Decodes a rule from the UTF-8 JSON bytes of a request body.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for a body that is not JSON
    ///   or not a valid rule; the message says what to change.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        do {
            self = try JSONDecoder().decode(WeatherEventRule.self, from: Data(bytes))
        } catch let error as WeatherError {
            throw error
        } catch {
            throw WeatherError.invalidRequest(
                "The rule is not valid JSON: send an object such as {\"type\":\"air_quality\",\"index\":4}.")
        }
    }

    private static func field<Value: Decodable>(
        _ type: Value.Type, _ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>, _ expected: String
    ) throws(WeatherError) -> Value {
        guard let value = try optionalField(type, key, in: container, expected) else {
            let kind = key == .type ? nil : (try? container.decodeIfPresent(String.self, forKey: .type)) ?? nil
            throw WeatherError.invalidRequest(
                "A \(kind.map { $0 + " " } ?? "")rule needs \(key.apiName): \(expected).")
        }
        return value
    }

    private static func optionalField<Value: Decodable>(
        _ type: Value.Type, _ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>, _ expected: String
    ) throws(WeatherError) -> Value? {
        do {
            return try container.decodeIfPresent(type, forKey: key)
        } catch {
            throw WeatherError.invalidRequest("\(key.apiName) has the wrong type: give \(expected).")
        }
    }
}
