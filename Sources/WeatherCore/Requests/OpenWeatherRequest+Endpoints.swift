public import Foundation

extension OpenWeatherRequest {
    /// Current weather 2.5, `/data/2.5/weather`, for any kind of place.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for an invalid place or language.
    public static func current(_ place: Place, language: String? = nil) throws(WeatherError) -> OpenWeatherRequest {
        OpenWeatherRequest(endpoint: .current, place: try place.validated(), language: try checkedLanguage(language))
    }

    /// The 5-day / 3-hour forecast, `/data/2.5/forecast`.
    ///
    /// - Parameter place: where; validated (``Place/validated()``).
    /// - Parameter count: `cnt`, how many 3-hour steps to return, 1–40 (all 40 when `nil`).
    /// - Parameter language: the `lang` for descriptions, e.g. `de`; `nil` for OpenWeather's English.
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for an invalid place, count or language.
    public static func forecast(_ place: Place, count: Int? = nil, language: String? = nil) throws(WeatherError)
        -> OpenWeatherRequest
    {
        var parameters: [QueryItem] = []
        if let count {
            guard (1...40).contains(count) else {
                throw .invalidRequest("cnt \(count) is out of range: the forecast has 1 to 40 three-hour steps.")
            }
            parameters.append(QueryItem(name: "cnt", value: String(count)))
        }
        return OpenWeatherRequest(
            endpoint: .forecast, place: try place.validated(), language: try checkedLanguage(language),
            parameters: parameters)
    }

    /// One Call 3.0, `/data/3.0/onecall`: current, minutely, hourly, daily and alerts.
    ///
    /// - Parameter coordinates: where; checked to be in range.
    /// - Parameter exclude: sections to leave out of the response (`exclude=minutely,alerts`).
    /// - Parameter language: the `lang` for descriptions, e.g. `de`; `nil` for OpenWeather's English.
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates or language.
    public static func oneCall(
        _ coordinates: Coordinates, exclude: OneCallSections = [], language: String? = nil
    ) throws(WeatherError) -> OpenWeatherRequest {
        var parameters: [QueryItem] = []
        if !exclude.isEmpty { parameters.append(QueryItem(name: "exclude", commaSeparated: exclude.names)) }
        return OpenWeatherRequest(
            endpoint: .oneCall, place: try Place.coordinates(coordinates).validated(),
            language: try checkedLanguage(language), parameters: parameters)
    }

    /// One Call 3.0 weather at one instant, `/data/3.0/onecall/timemachine` (`dt`, Unix seconds).
    ///
    /// OpenWeather has data from 1 January 1979 to 4 days ahead; the lower bound is checked here.
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates, a time
    ///   before 1979 or an invalid language.
    public static func timeMachine(_ coordinates: Coordinates, at time: Date, language: String? = nil)
        throws(WeatherError) -> OpenWeatherRequest
    {
        let seconds = try checkedUnixTime(time, notBefore: firstHistoricalWeather, what: "Historical weather")
        return OpenWeatherRequest(
            endpoint: .timeMachine, place: try Place.coordinates(coordinates).validated(),
            language: try checkedLanguage(language), parameters: [QueryItem(name: "dt", value: String(seconds))])
    }

    /// One Call 3.0 daily aggregation, `/data/3.0/onecall/day_summary` (`date=YYYY-MM-DD`, optional `tz`).
    ///
    /// - Parameters:
    ///   - coordinates: where; checked to be in range.
    ///   - date: the day, from 1979-01-02 (OpenWeather's first aggregated day).
    ///   - utcOffset: the time zone the day is taken in, in seconds east of UTC (a whole number of
    ///     minutes, −12 h to +14 h), sent as `tz=±HH:MM`; `nil` lets OpenWeather use the place's zone.
    ///   - language: the `lang` for descriptions, e.g. `de`; `nil` for OpenWeather's English.
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates, date,
    ///   offset or language.
    public static func daySummary(
        _ coordinates: Coordinates, date: CalendarDate, utcOffset: Int? = nil, language: String? = nil
    ) throws(WeatherError) -> OpenWeatherRequest {
        guard date >= (try CalendarDate(year: 1979, month: 1, day: 2)) else {
            throw .invalidRequest("Day summaries start on 1979-01-02: ask for \(date) or a later day.")
        }
        var parameters = [QueryItem(name: "date", value: date.description)]
        if let utcOffset { parameters.append(QueryItem(name: "tz", value: try formattedOffset(utcOffset))) }
        return OpenWeatherRequest(
            endpoint: .daySummary, place: try Place.coordinates(coordinates).validated(),
            language: try checkedLanguage(language), parameters: parameters)
    }

    /// One Call 3.0 weather overview, `/data/3.0/onecall/overview` (optional `date`, today or tomorrow;
    /// today when `nil`).
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates.
    public static func overview(_ coordinates: Coordinates, date: CalendarDate? = nil) throws(WeatherError)
        -> OpenWeatherRequest
    {
        OpenWeatherRequest(
            endpoint: .overview, place: try Place.coordinates(coordinates).validated(),
            parameters: date.map { [QueryItem(name: "date", value: $0.description)] } ?? [])
    }

    /// Geocoding by name, `/geo/1.0/direct` (`q=city,state,country`, `limit` 1–5).
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for an invalid name or limit.
    public static func geocode(city name: String, state: String? = nil, country: String? = nil, limit: Int = 5)
        throws(WeatherError) -> OpenWeatherRequest
    {
        let place = try Place.city(name: name, state: state, country: country).validated()
        return OpenWeatherRequest(endpoint: .geocodeDirect, place: place, parameters: [try limitItem(limit)])
    }

    /// Reverse geocoding, `/geo/1.0/reverse` (`lat`, `lon`, `limit` 1–5).
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates or limit.
    public static func reverseGeocode(_ coordinates: Coordinates, limit: Int = 5) throws(WeatherError)
        -> OpenWeatherRequest
    {
        OpenWeatherRequest(
            endpoint: .geocodeReverse, place: try Place.coordinates(coordinates).validated(),
            parameters: [try limitItem(limit)])
    }

    /// Geocoding by postal code, `/geo/1.0/zip` (`zip=code,country`).
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for an empty code or invalid country.
    public static func geocode(zip code: String, country: String? = nil) throws(WeatherError) -> OpenWeatherRequest {
        OpenWeatherRequest(endpoint: .geocodeZip, place: try Place.zip(code: code, country: country).validated())
    }

    /// Current air pollution, `/data/2.5/air_pollution`.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates.
    public static func airPollution(_ coordinates: Coordinates) throws(WeatherError) -> OpenWeatherRequest {
        OpenWeatherRequest(endpoint: .airPollution, place: try Place.coordinates(coordinates).validated())
    }

    /// Hourly air pollution forecast for 4 days, `/data/2.5/air_pollution/forecast`.
    ///
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates.
    public static func airPollutionForecast(_ coordinates: Coordinates) throws(WeatherError) -> OpenWeatherRequest {
        OpenWeatherRequest(endpoint: .airPollutionForecast, place: try Place.coordinates(coordinates).validated())
    }

    /// Historical air pollution, `/data/2.5/air_pollution/history` (`start`, `end`, Unix seconds, UTC).
    ///
    /// OpenWeather keeps history from 27 November 2020; `start` must not be after `end`.
    /// - Throws: ``WeatherError`` ``WeatherError/Code/invalidRequest`` for invalid coordinates or times.
    public static func airPollutionHistory(_ coordinates: Coordinates, from start: Date, to end: Date)
        throws(WeatherError) -> OpenWeatherRequest
    {
        let startSeconds = try checkedUnixTime(
            start, notBefore: firstAirPollutionHistory, what: "Air pollution history")
        let endSeconds = try checkedUnixTime(end, notBefore: firstAirPollutionHistory, what: "Air pollution history")
        guard startSeconds <= endSeconds else {
            throw .invalidRequest(
                "The history starts after it ends (start \(startSeconds) > end \(endSeconds)): swap them.")
        }
        return OpenWeatherRequest(
            endpoint: .airPollutionHistory, place: try Place.coordinates(coordinates).validated(),
            parameters: [
                QueryItem(name: "start", value: String(startSeconds)),
                QueryItem(name: "end", value: String(endSeconds)),
            ])
    }
}

extension OpenWeatherRequest {
    /// 1979-01-01T00:00:00Z, the first instant of One Call's historical data.
    static let firstHistoricalWeather: Int64 = 283_996_800
    /// 2020-11-27T00:00:00Z, the first instant of the air pollution history.
    static let firstAirPollutionHistory: Int64 = 1_606_435_200

    /// `language` trimmed and lower-cased, or an error if it is not a language code such as `de` or `zh_cn`.
    package static func checkedLanguage(_ language: String?) throws(WeatherError) -> String? {
        guard let language else { return nil }
        let code = language.trimmingWhitespace().lowercased()
        let isCode =
            (2...5).contains(code.utf8.count)
            && code.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_") }
        guard isCode else {
            throw .invalidRequest(
                "Language \"\(language)\" is not a language code: use one OpenWeather supports, e.g. en, de, fr, zh_cn, pt_br."
            )
        }
        return code
    }

    /// `time` as whole Unix seconds (rounded down), or an error if it is before `notBefore` or not finite.
    static func checkedUnixTime(_ time: Date, notBefore: Int64, what: String) throws(WeatherError) -> Int64 {
        let seconds = time.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, seconds >= Double(notBefore), seconds < 253_402_300_800 else {
            let first = Date(timeIntervalSince1970: Double(notBefore))
            throw .invalidRequest("\(what) is available from \(first) onwards: ask for a later time.")
        }
        return Int64(seconds)
    }

    /// `±HH:MM` for an offset in seconds east of UTC.
    static func formattedOffset(_ seconds: Int) throws(WeatherError) -> String {
        guard seconds % 60 == 0, (-12 * 3600...14 * 3600).contains(seconds) else {
            throw .invalidRequest(
                "Time zone offset \(seconds) s is not valid: give whole minutes between -12:00 and +14:00, e.g. 3600 for +01:00."
            )
        }
        let minutes = abs(seconds) / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return "\(seconds < 0 ? "-" : "+")\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }

    /// `limit=n` for geocoding, 1–5 (OpenWeather returns at most 5 results).
    static func limitItem(_ limit: Int) throws(WeatherError) -> QueryItem {
        guard (1...5).contains(limit) else {
            throw .invalidRequest("limit \(limit) is out of range: geocoding returns 1 to 5 results.")
        }
        return QueryItem(name: "limit", value: String(limit))
    }
}
