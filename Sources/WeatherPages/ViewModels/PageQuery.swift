package import WeatherCore
package import WeatherServerCore

/// What a page reads from its query: an optional place, the unit system and the language.
///
/// The place comes in any form the API takes (`city` with `state`/`country`, `lat`+`lon`, `zip`,
/// `id`) or as `q`, the search box's free text, read as the CLI reads PLACE (`Zürich`,
/// `London,GB`, `47.37,8.54`, `zip:94040,US`, `id:2657896`). Parameters pages do not know are
/// ignored (a person's bookmark may carry anything); bad values of known ones are a 400 page.
package struct PageQuery: Sendable, Equatable {
    /// The place asked about, if any.
    package var place: Place?
    /// The unit system (default metric).
    package var units: UnitSystem
    /// The language of condition texts (`nil`: English).
    package var language: String?
    /// The search text as typed, to show it again in the search box.
    package var searchText: String?

    /// Reads the page parameters from `query`.
    ///
    /// - Throws: ``Problem`` 400 naming the parameter at fault; 422 for a `q` that names no place,
    ///   or comes with another place form.
    package init(_ query: QueryString) throws(Problem) {
        units = try LookupQuery.units(query)
        language = try LookupQuery.language(query)
        let forms = ["city", "lat", "lon", "zip", "id"].filter(query.contains)
        if let text = query.text("q") {
            guard forms.isEmpty else {
                throw .unprocessableParameter(
                    "q", "Give the place either as q or as \(forms.joined(separator: ", ")), not both.")
            }
            searchText = text
            do {
                place = try Place(parsing: text)
            } catch {
                throw .unprocessableParameter("q", error.message)
            }
        } else if !forms.isEmpty {
            place = try LookupQuery.place(query)
            searchText = place.map(Self.searchText(for:))
        }
    }

    /// A query with the given values (for tests and links).
    package init(place: Place? = nil, units: UnitSystem = .metric, language: String? = nil) {
        self.place = place
        self.units = units
        self.language = language
        self.searchText = place.map(Self.searchText(for:))
    }

    /// How the search box shows a place: as `Place(parsing:)` would read it back.
    package static func searchText(for place: Place) -> String {
        switch place {
        case .city(let name, let state, let country): [name, state, country].compactMap { $0 }.joined(separator: ",")
        case .cityID(let id): "id:\(id)"
        case .coordinates(let coordinates): coordinates.description
        case .zip(let code, let country): "zip:" + [code, country].compactMap { $0 }.joined(separator: ",")
        }
    }

    /// A link to `path` for `place` (none: no place parameters) in `units` (default: these), keeping `lang`.
    package func link(_ path: String, place: Place?, units: UnitSystem? = nil) -> String {
        var items = place.map(Self.parameters(of:)) ?? []
        let units = units ?? self.units
        if units != .metric { items.append(("units", units.rawValue)) }
        if let language { items.append(("lang", language)) }
        guard !items.isEmpty else { return path }
        return path + "?" + items.map { "\($0.0)=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
    }

    /// The query parameters naming `place`, in the API's forms.
    package static func parameters(of place: Place) -> [(String, String)] {
        switch place {
        case .city(let name, let state, let country):
            [("city", name)] + [state.map { ("state", $0) }, country.map { ("country", $0) }].compactMap { $0 }
        case .cityID(let id): [("id", String(id))]
        case .coordinates(let coordinates):
            [
                ("lat", NumberText.trimmed(coordinates.latitude, digits: 4)),
                ("lon", NumberText.trimmed(coordinates.longitude, digits: 4)),
            ]
        case .zip(let code, let country): [("zip", code)] + [country.map { ("country", $0) }].compactMap { $0 }
        }
    }

    /// `lang` as an HTML `lang` attribute value: `de`, `zh-CN`; `en` by default.
    package var htmlLanguage: String {
        guard let language else { return "en" }
        let parts = language.split(separator: "_")
        guard parts.count == 2 else { return language }
        return "\(parts[0])-\(parts[1].uppercased())"
    }
}
