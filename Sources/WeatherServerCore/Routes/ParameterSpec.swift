import WeatherCore

/// One query parameter of a route, as the router validates it and the OpenAPI document describes it.
///
/// The schema states exactly what the router takes: a value it matches is never refused with 400
/// (it may still be a 404, an unknown place, or a 422, a combination or a time the data does not
/// cover); a value it does not match is refused.
package struct ParameterSpec: Sendable {
    /// The JSON Schema of the value.
    package enum Schema: Sendable {
        /// Text matching an ECMA-262 pattern (``TextPattern``), of at most `maxLength` characters.
        case text(pattern: String, maxLength: Int? = nil)
        case number(minimum: Double, maximum: Double)
        case integer(minimum: Int, maximum: Int)
        case choice([String])
        /// A full date, `YYYY-MM-DD`.
        case date
        /// An RFC 3339 date-time or a full date.
        case instant
    }

    package var name: String
    package var description: String
    package var schema: Schema
    package var required: Bool = false

    /// A parameter named `name`, documented by `description`, whose values `schema` admits.
    package init(name: String, description: String, schema: Schema, required: Bool = false) {
        self.name = name
        self.description = description
        self.schema = schema
        self.required = required
    }

    package static let units = ParameterSpec(
        name: "units", description: "Unit system of the answer (default metric).",
        schema: .choice(["standard", "metric", "imperial"]))
    package static let lang = ParameterSpec(
        name: "lang", description: "Language of condition texts, e.g. en, de, zh_cn (default en).",
        schema: .text(pattern: TextPattern.blankOr(TextPattern.language)))
    /// Latitude, as the place's and reverse geocoding's `lat`.
    package static let latitude = ParameterSpec(
        name: "lat", description: "Latitude.", schema: .number(minimum: -90, maximum: 90))
    /// Longitude, as the place's and reverse geocoding's `lon`.
    package static let longitude = ParameterSpec(
        name: "lon", description: "Longitude.", schema: .number(minimum: -180, maximum: 180))
    /// An OpenWeather city id.
    package static let cityID = ParameterSpec(
        name: "id", description: "OpenWeather city id.", schema: .integer(minimum: 1, maximum: 999_999_999))
    /// The parameters of the four place forms: exactly one of city (+ state and country), lat + lon,
    /// zip (+ country), id. The document states the forms as one object parameter (``PlaceForm``).
    package static let place: [ParameterSpec] = [
        ParameterSpec(
            name: "city", description: "City name.",
            schema: .text(pattern: TextPattern.name, maxLength: TextPattern.maximumNameLength)),
        ParameterSpec(name: "state", description: "US state code; needs country.", schema: .text(pattern: TextPattern.code)),
        ParameterSpec(name: "country", description: "ISO 3166 country code.", schema: .text(pattern: TextPattern.code)),
        latitude, longitude,
        ParameterSpec(
            name: "zip", description: "Postal code.",
            schema: .text(pattern: TextPattern.name, maxLength: TextPattern.maximumNameLength)),
        cityID,
    ]
    /// Coordinates only (reverse geocoding).
    package static let coordinates: [ParameterSpec] = [latitude.asRequired(), longitude.asRequired()]
    package static let limit = ParameterSpec(
        name: "limit", description: "Most places returned (default 5).", schema: .integer(minimum: 1, maximum: 5))

    /// This parameter, required.
    package func asRequired() -> ParameterSpec {
        var spec = self
        spec.required = true
        return spec
    }

    /// The spec named `name` among ``place``.
    package static func placeParameter(_ name: String) -> ParameterSpec {
        place.first { $0.name == name } ?? ParameterSpec(name: name, description: "", schema: .text(pattern: TextPattern.anyText))
    }
}

/// One way of naming a place: the members it requires and allows (all from ``ParameterSpec/place``).
/// The forms exclude one another, so exactly one matches a valid query.
///
/// A blank optional text member counts as absent, as the router reads it (`country=` from an empty
/// form field); a form that takes no `state` still admits a blank one only where the router does.
package struct PlaceForm: Sendable {
    package var title: String
    package var required: [String]
    /// Members that may be absent or blank.
    package var optional: [String] = []
    /// Members that may only be absent or blank.
    package var blankOnly: [String] = []

    /// City (+ country), city + state + country, coordinates, postal code (+ country), city id.
    package static let all: [PlaceForm] = [
        PlaceForm(title: "City", required: ["city"], optional: ["country"], blankOnly: ["state"]),
        PlaceForm(title: "CityInState", required: ["city", "state", "country"]),
        PlaceForm(title: "Coordinates", required: ["lat", "lon"]),
        PlaceForm(title: "PostalCode", required: ["zip"], optional: ["country"]),
        PlaceForm(title: "CityID", required: ["id"]),
    ]
}

/// The patterns of text parameters (ECMA-262, as JSON Schema reads them), stating what the router
/// accepts: the query parser refuses control characters anywhere (U+0000–U+001F, U+007F–U+009F),
/// and values are trimmed of white space before they are checked.
package enum TextPattern {
    /// The longest city name or postal code, in Unicode scalars as JSON Schema's `maxLength` counts
    /// them, white space included (``LookupQuery/name(_:_:)`` checks it before trimming).
    package static let maximumNameLength = Place.maximumNameLength
    /// One character that is not a control character.
    package static let plain = #"[^\x00-\x1f\x7f-\x9f]"#
    /// One white space character that is not a control character.
    package static let space = #"[^\S\x00-\x1f\x7f-\x9f]"#
    /// Blank: white space only, or nothing.
    package static let blank = "^\(space)*$"

    /// `pattern`, or blank (an optional text parameter given empty counts as absent).
    package static func blankOr(_ pattern: String) -> String { blank + "|" + pattern }

    /// Any text without control characters (blank included).
    package static let anyText = "^\(plain)*$"
    /// A name: at least one character that is not white space, and no control characters.
    package static let name = "^\(plain)*[^\\s\\x00-\\x1f\\x7f-\\x9f]\(plain)*$"
    /// A country or state code: 1–3 ASCII letters or digits, white space around allowed.
    package static let code = "^\(space)*[A-Za-z0-9]{1,3}\(space)*$"
    /// A language code: 2–5 ASCII letters or underscores (`de`, `zh_cn`), white space around allowed.
    package static let language = "^\(space)*[A-Za-z_]{2,5}\(space)*$"

    /// `city[,state][,country]` (geocoding's `q`): a name of at most ``maximumNameLength``
    /// characters without commas, then up to two codes.
    package static let geocodingQuery: String = {
        let namePart = "[^,\\x00-\\x1f\\x7f-\\x9f]*[^,\\s\\x00-\\x1f\\x7f-\\x9f][^,\\x00-\\x1f\\x7f-\\x9f]*"
        let codePart = "\(space)*[A-Za-z0-9]{1,3}\(space)*"
        return "^(?=[^,]{1,\(maximumNameLength)}(?:,|$))\(namePart)(?:,\(codePart)){0,2}$"
    }()

    /// A comma-separated list of `words` (any letter case), blanks and white space allowed.
    package static func list(of words: [String]) -> String {
        let word = "(?:" + words.map(caseless).joined(separator: "|") + ")"
        let item = "\(space)*(?:\(word)\(space)*)?"
        return "^\(item)(?:,\(item))*$"
    }

    /// `word` matching in any letter case: `[cC][uU]…`.
    private static func caseless(_ word: String) -> String {
        word.map { character in
            let lower = character.lowercased(), upper = character.uppercased()
            return lower == upper ? String(character) : "[\(lower)\(upper)]"
        }.joined()
    }
}
