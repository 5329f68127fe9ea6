extension Place {
    /// Reads a place as people type it on a command line or in a query string.
    ///
    /// - `id:2657896` — an OpenWeather city id;
    /// - `zip:94040,US` — a postal code with an optional country code;
    /// - `47.37,8.54` — latitude and longitude in decimal degrees;
    /// - anything else is a city: `Zürich`, `London,GB`, `Springfield,IL,US` (name, state, country).
    ///
    /// The result is validated (``validated()``), so coordinates out of range or an empty name throw.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` with an example of what works.
    public init(parsing text: String) throws(WeatherError) {
        let trimmed = text.trimmingWhitespace()
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("id:") {
            let digits = trimmed.dropFirst(3).trimmingWhitespace()
            guard let id = digits.plainInteger else {
                throw .invalidRequest(
                    "\"\(trimmed)\" is not a city id: write id:NUMBER, e.g. id:2657896.", query: trimmed)
            }
            self = try Place.cityID(id).validated()
            return
        }
        if lowered.hasPrefix("zip:") {
            let parts = trimmed.dropFirst(4).split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingWhitespace() }
            guard parts.count <= 2 else {
                throw .invalidRequest(
                    "\"\(trimmed)\" is not a postal code: write zip:CODE,CC, e.g. zip:94040,US.", query: trimmed)
            }
            self = try Place.zip(code: parts[0], country: parts.count == 2 ? parts[1] : nil).validated()
            return
        }
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        if parts.count == 2, let latitude = parts[0].plainDecimal, let longitude = parts[1].plainDecimal {
            self = .coordinates(try Coordinates(latitude: latitude, longitude: longitude))
            return
        }
        switch parts.count {
        case 1: self = try Place.city(name: parts[0]).validated()
        case 2: self = try Place.city(name: parts[0], country: parts[1]).validated()
        case 3: self = try Place.city(name: parts[0], state: parts[1], country: parts[2]).validated()
        default:
            throw .invalidRequest(
                "\"\(trimmed)\" has too many commas: write CITY, CITY,COUNTRY or CITY,STATE,COUNTRY, "
                    + "e.g. Springfield,IL,US.", query: trimmed)
        }
    }
}
