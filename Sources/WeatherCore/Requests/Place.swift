/// Where to ask about: the ways OpenWeather lets a request name a place.
///
/// Build one from user input, then pass it to an ``OpenWeatherRequest`` factory, which validates it.
/// Endpoints that take only coordinates (One Call, air pollution, reverse geocoding) take
/// ``Coordinates`` directly, so a city cannot be sent where OpenWeather would reject it.
public enum Place: Sendable, Hashable {
    /// A city by name, optionally with a state (US only) and an ISO 3166 country code:
    /// `q=city,state,country`. A state needs a country.
    case city(name: String, state: String? = nil, country: String? = nil)
    /// A city by OpenWeather's numeric id: `id=2657896`.
    case cityID(Int)
    /// A point: `lat=…&lon=…`.
    case coordinates(Coordinates)
    /// A postal code with an optional ISO 3166 country code (OpenWeather assumes `US` without one):
    /// `zip=94040,US`.
    case zip(code: String, country: String? = nil)
}

extension Place {
    /// The longest city name or postal code accepted; longer input is a mistake, not a place.
    package static let maximumNameLength = 200

    /// Checks the place and returns it with surrounding spaces removed.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for an empty name, a name with
    ///   control characters, a malformed country or state code, a state without a country, a city id
    ///   that is not positive, or an empty postal code.
    public func validated() throws(WeatherError) -> Place {
        switch self {
        case .city(let name, let state, let country):
            let name = try Self.checkedName(name, what: "City name", example: "London")
            let country = try country.map { code throws(WeatherError) in try Self.checkedCode(code, what: "Country") }
            let state = try state.map { code throws(WeatherError) in try Self.checkedCode(code, what: "State") }
            if state != nil && country == nil {
                throw .invalidRequest(
                    "A state needs a country: OpenWeather uses state codes only for the US, "
                        + "e.g. city \"Portland\", state \"OR\", country \"US\".",
                    query: name)
            }
            return .city(name: name, state: state, country: country)
        case .cityID(let id):
            guard id > 0 else {
                throw .invalidRequest(
                    "City id \(id) is not valid: use OpenWeather's positive numeric city id, e.g. 2643743 for London.",
                    query: "id=\(id)")
            }
            return self
        case .coordinates(let coordinates):
            // Re-check: the unchecked initializer may have been used for user input.
            return .coordinates(try Coordinates(latitude: coordinates.latitude, longitude: coordinates.longitude))
        case .zip(let code, let country):
            let code = try Self.checkedName(code, what: "Postal code", example: "94040")
            let country = try country.map { value throws(WeatherError) in try Self.checkedCode(value, what: "Country") }
            return .zip(code: code, country: country)
        }
    }

    /// The query items naming this place, in OpenWeather's order, values percent-encoded.
    ///
    /// Call on a ``validated()`` place; the request factories do.
    public var queryItems: [QueryItem] {
        switch self {
        case .city(let name, let state, let country):
            [QueryItem(name: "q", commaSeparated: [name, state, country].compactMap { $0 })]
        case .cityID(let id):
            [QueryItem(name: "id", value: String(id))]
        case .coordinates(let coordinates):
            [
                QueryItem(name: "lat", value: Coordinates.format(coordinates.latitude)),
                QueryItem(name: "lon", value: Coordinates.format(coordinates.longitude)),
            ]
        case .zip(let code, let country):
            [QueryItem(name: "zip", commaSeparated: [code, country].compactMap { $0 })]
        }
    }

    /// The place as it appears in a ``CacheKey``: the same place asked differently gives the same text.
    ///
    /// Names are trimmed, NFC-normalized and case-folded — diacritics and compatibility forms are
    /// kept, since `Bäch` and `Bach` are different places — runs of spaces collapsed (and removed
    /// around commas), `:` and `%` escaped so a name cannot forge a key's structure; coordinates are rounded half away from zero to
    /// `coordinatePrecision` decimals (clamped to 0...6), so lookups a few metres apart share an
    /// entry. Examples: `city=zürich,ch`, `id=2657896`, `lat=47.38,lon=8.54`, `zip=94040,us`.
    public func normalizedKey(coordinatePrecision: Int = CacheKey.defaultCoordinatePrecision) -> String {
        switch self {
        case .city(let name, let state, let country):
            return "city=" + KeyNormalization.text([name, state, country].compactMap { $0 }.joined(separator: ","))
        case .cityID(let id):
            return "id=\(id)"
        case .coordinates(let coordinates):
            let precision = min(max(coordinatePrecision, 0), 6)
            return "lat=" + KeyNormalization.decimal(coordinates.latitude, precision) + ",lon="
                + KeyNormalization.decimal(coordinates.longitude, precision)
        case .zip(let code, let country):
            return "zip=" + KeyNormalization.text([code, country].compactMap { $0 }.joined(separator: ","))
        }
    }

    /// A trimmed name, or an error if it is empty, too long or holds control characters.
    static func checkedName(_ raw: String, what: String, example: String) throws(WeatherError) -> String {
        let name = raw.trimmingWhitespace()
        guard !name.isEmpty else {
            throw .invalidRequest("\(what) is empty: give a name such as \"\(example)\".", query: raw)
        }
        guard name.count <= maximumNameLength else {
            throw .invalidRequest("\(what) is longer than \(maximumNameLength) characters: shorten it.")
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidRequest("\(what) contains control characters: remove them.", query: name)
        }
        return name
    }

    /// A trimmed country or state code: 1–3 ASCII letters or digits (ISO 3166 alpha-2 such as `GB`,
    /// a US state such as `CA`).
    static func checkedCode(_ raw: String, what: String) throws(WeatherError) -> String {
        let code = raw.trimmingWhitespace()
        guard (1...3).contains(code.utf8.count), code.utf8.allSatisfy(isASCIILetterOrDigit) else {
            throw .invalidRequest(
                "\(what) code \"\(raw)\" is not valid: use an ISO 3166 code such as \"GB\" (or a US state such as \"CA\").",
                query: raw)
        }
        return code
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

extension Place {
    /// The place as a person would write it, for error messages and ``WeatherError/query``:
    /// `Zürich,CH`, `city id 2657896`, `47.3769,8.5417`, `zip 94040,US`.
    public var displayText: String {
        switch self {
        case .city(let name, let state, let country): [name, state, country].compactMap { $0 }.joined(separator: ",")
        case .cityID(let id): "city id \(id)"
        case .coordinates(let coordinates): coordinates.description
        case .zip(let code, let country): "zip " + [code, country].compactMap { $0 }.joined(separator: ",")
        }
    }
}
