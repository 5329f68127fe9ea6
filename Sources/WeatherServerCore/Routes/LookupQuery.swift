package import HTTPTypes
package import WeatherCore

/// What every lookup route reads from its query: the place (exactly one form), the unit system
/// and the language, validated, with 400 problems that name the parameter at fault.
package struct LookupQuery: Sendable {
    /// The parameters every lookup takes besides its own.
    package static let commonParameters: Set<String> = ["units", "lang"]
    /// The parameters of the four place forms.
    package static let placeParameters: Set<String> = ["city", "state", "country", "lat", "lon", "zip", "id"]

    /// The place asked about.
    package var place: Place
    /// The units to answer in (default metric).
    package var units: UnitSystem
    /// The language of condition texts (`nil`: upstream's default, English).
    package var language: String?

    /// Reads the place, `units` and `lang` from `query`.
    package init(_ query: QueryString) throws(Problem) {
        place = try Self.place(query)
        units = try Self.units(query)
        language = try Self.language(query)
    }

    /// `units=standard|metric|imperial`, metric when absent.
    package static func units(_ query: QueryString) throws(Problem) -> UnitSystem {
        guard let text = query.value("units") else { return .metric }
        // Exactly as the document's enum spells them (the CLI's `UnitSystem(parameter:)` is lenient).
        guard let units = UnitSystem(rawValue: text) else {
            throw .invalidParameter("units", "units must be standard, metric or imperial.")
        }
        return units
    }

    /// `lang`, checked as WeatherCore checks it (`de`, `zh_cn`).
    package static func language(_ query: QueryString) throws(Problem) -> String? {
        guard let text = query.text("lang") else { return nil }
        do {
            return try OpenWeatherRequest.checkedLanguage(text)
        } catch {
            throw .invalidParameter("lang", error.message)
        }
    }

    /// Exactly one of `city` (+ `state`, `country`), `lat` + `lon`, `zip` (+ `country`), `id`.
    package static func place(_ query: QueryString) throws(Problem) -> Place {
        let forms = ["city", "lat", "zip", "id"].filter { query.contains($0) || ($0 == "lat" && query.contains("lon")) }
        guard forms.count == 1, let form = forms.first else {
            throw .invalidParameter(
                forms.first ?? "city",
                forms.isEmpty
                    ? "Give a place: city (with optional state and country), lat and lon, zip (with optional country), or id."
                    : "Give exactly one place form; got \(forms.joined(separator: " and ")).")
        }
        if form != "city", query.contains("state") {
            throw .invalidParameter("state", "state goes with city only.")
        }
        if form == "lat" || form == "id", query.contains("country") {
            throw .invalidParameter("country", "country goes with city or zip only.")
        }
        do {
            switch form {
            case "city":
                guard let name = try name(query, "city") else { throw Problem.invalidParameter("city", "city is empty.") }
                return try Place.city(name: name, state: query.text("state"), country: query.text("country"))
                    .validated()
            case "zip":
                guard let code = try name(query, "zip") else { throw Problem.invalidParameter("zip", "zip is empty.") }
                return try Place.zip(code: code, country: query.text("country")).validated()
            case "id":
                guard let id = try ParameterSpec.cityID.asRequired().integer(in: query) else {
                    throw Problem.invalidParameter("id", "id is empty.")
                }
                return try Place.cityID(id).validated()
            default:
                return .coordinates(try coordinates(query))
            }
        } catch let problem as Problem {
            throw problem
        } catch let error as WeatherError {
            throw .invalidParameter(form, error.message)
        } catch {
            throw .invalidParameter(form, "\(form) is not valid.")
        }
    }

    /// `lat` and `lon`, both required, within ``ParameterSpec/latitude``'s and ``ParameterSpec/longitude``'s bounds.
    package static func coordinates(_ query: QueryString) throws(Problem) -> Coordinates {
        let latitude = try ParameterSpec.latitude.asRequired().number(in: query) ?? 0
        let longitude = try ParameterSpec.longitude.asRequired().number(in: query) ?? 0
        do {
            return try Coordinates(latitude: latitude, longitude: longitude)
        } catch {
            throw .invalidParameter("lat", error.message)
        }
    }

    /// The trimmed value of a name parameter (`city`, `zip`), `nil` when absent or blank; refused
    /// when longer than ``TextPattern/maximumNameLength`` Unicode scalars as given, as the
    /// document's `maxLength` counts (grapheme clusters after trimming could admit more).
    package static func name(_ query: QueryString, _ parameter: String) throws(Problem) -> String? {
        guard let raw = query.value(parameter) else { return nil }
        try checkNameLength(raw, parameter)
        return query.text(parameter)
    }

    /// Refuses `raw` when it is longer than ``TextPattern/maximumNameLength`` Unicode scalars.
    package static func checkNameLength(_ raw: some StringProtocol, _ parameter: String) throws(Problem) {
        guard raw.unicodeScalars.count <= TextPattern.maximumNameLength else {
            throw .invalidParameter(
                parameter, "\(parameter) is longer than \(TextPattern.maximumNameLength) characters: shorten it.")
        }
    }

    /// The trimmed value of a number, date or time parameter, `nil` when absent; a blank one is
    /// refused (text parameters given blank count as absent, but a number has no blank spelling).
    package static func nonBlank(_ query: QueryString, _ name: String) throws(Problem) -> String? {
        guard query.contains(name) else { return nil }
        guard let text = query.text(name) else { throw .invalidParameter(name, "\(name) is empty: give a value or leave it out.") }
        return text
    }

    /// The near-cache key part for the place, units and language: normalized as cache keys are,
    /// with coordinates at full precision, so a near-cache entry is never shared more widely than
    /// the store entry it was made from, whatever the cache policy's precision.
    package var keyText: String {
        "\(place.normalizedKey(coordinatePrecision: 6))|\(units.rawValue)|\(language ?? "en")"
    }
}
