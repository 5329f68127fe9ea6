/// One query parameter of a route, as the router validates it and the OpenAPI document describes it.
struct ParameterSpec: Sendable {
    /// The JSON Schema of the value.
    enum Schema: Sendable {
        case string
        case number(minimum: Double, maximum: Double)
        case integer(minimum: Int, maximum: Int)
        case choice([String])
        case date
    }

    var name: String
    var description: String
    var schema: Schema
    var required: Bool = false

    static let units = ParameterSpec(
        name: "units", description: "Unit system of the answer (default metric).",
        schema: .choice(["standard", "metric", "imperial"]))
    static let lang = ParameterSpec(
        name: "lang", description: "Language of condition texts, e.g. en, de, zh_cn (default en).", schema: .string)
    /// The four place forms: exactly one of city (+ state, country), lat + lon, zip (+ country), id.
    static let place: [ParameterSpec] = [
        ParameterSpec(name: "city", description: "City name. One place form only.", schema: .string),
        ParameterSpec(name: "state", description: "US state code, with city.", schema: .string),
        ParameterSpec(name: "country", description: "ISO 3166 country code, with city or zip.", schema: .string),
        ParameterSpec(name: "lat", description: "Latitude, with lon.", schema: .number(minimum: -90, maximum: 90)),
        ParameterSpec(name: "lon", description: "Longitude, with lat.", schema: .number(minimum: -180, maximum: 180)),
        ParameterSpec(name: "zip", description: "Postal code.", schema: .string),
        ParameterSpec(name: "id", description: "OpenWeather city id.", schema: .integer(minimum: 1, maximum: 999_999_999)),
    ]
    /// Coordinates only (reverse geocoding).
    static let coordinates: [ParameterSpec] = [
        ParameterSpec(name: "lat", description: "Latitude.", schema: .number(minimum: -90, maximum: 90), required: true),
        ParameterSpec(
            name: "lon", description: "Longitude.", schema: .number(minimum: -180, maximum: 180), required: true),
    ]
    static let limit = ParameterSpec(
        name: "limit", description: "Most places returned (default 5).", schema: .integer(minimum: 1, maximum: 5))
}
