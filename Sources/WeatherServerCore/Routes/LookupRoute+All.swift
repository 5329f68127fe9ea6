package import Foundation
import HTTPTypes
package import WeatherCore

extension LookupRoute {
    /// Every `/v1` lookup route, in the order the OpenAPI document lists them.
    package static let all: [LookupRoute] = weather + oneCall + oneCallTimelines + air + geocoding

    package static let weather: [LookupRoute] = [
        LookupRoute(
            path: "/v1/weather/current", summary: "Current weather at a place", family: .current,
            parameters: ParameterSpec.place + [.units, .lang], data: CurrentWeather.self
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            let request = try validated("city") { () throws(WeatherError) in
                try OpenWeatherRequest.current(common.place, language: common.language)
            }
            return LookupPlan(key: common.keyText) { client in
                LookupOutcome(try await client.fetch(request, as: CurrentWeather.self), units: common.units)
            }
        },
        LookupRoute(
            path: "/v1/weather/forecast", summary: "5-day forecast in 3-hour steps", family: .forecast,
            parameters: ParameterSpec.place + [
                .units, .lang,
                forecastSteps,
            ], data: Forecast.self
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            let count = try forecastSteps.integer(in: query)
            let request = try validated("cnt") { () throws(WeatherError) in
                try OpenWeatherRequest.forecast(common.place, count: count, language: common.language)
            }
            return LookupPlan(key: "cnt=\(count ?? 0)|" + common.keyText) { client in
                LookupOutcome(try await client.fetch(request, as: Forecast.self), units: common.units)
            }
        },
    ]

    package static let oneCall: [LookupRoute] = [
        LookupRoute(
            path: "/v1/weather/onecall",
            summary: "One Call: current, minutely, hourly, daily, alerts (from 3.0, or assembled from 4.0)",
            family: .oneCall,
            parameters: ParameterSpec.place + [
                .units, .lang,
                ParameterSpec(
                    name: "exclude", description: "Comma-separated sections to leave out: current, minutely, hourly, daily, alerts.",
                    schema: .text(pattern: TextPattern.list(of: OneCallSections.all.names))),
            ], data: OneCall.self
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            let exclude = try sections(query.text("exclude"))
            return LookupPlan(key: "exclude=\(exclude.rawValue)|" + common.keyText) { client in
                let place = try await client.resolve(common.place)
                let result = try await client.oneCall(for: place.coordinates, exclude: exclude, language: common.language)
                return LookupOutcome(result, units: common.units, place: place.name)
            }
        },
        LookupRoute(
            path: "/v1/weather/onecall/timemachine", summary: "One Call 3.0: weather at one instant, past or future",
            family: .oneCall,
            parameters: ParameterSpec.place + [
                .units, .lang,
                timeMachineInstant,
            ], data: HistoricalWeather.self
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            guard let seconds = try timeMachineInstant.integer(in: query) else { throw .invalidParameter("dt", "dt is empty.") }
            // Each instant is its own key and a billed call: only what OpenWeather can answer.
            guard TimeInterval(seconds) <= now.timeIntervalSince1970 + Self.timeMachineHorizon else {
                throw .unprocessableParameter("dt", "dt must be at most 4 days from now: OpenWeather forecasts no further.")
            }
            let time = Date(timeIntervalSince1970: TimeInterval(seconds))
            return LookupPlan(key: "dt=\(seconds)|" + common.keyText) { client in
                let place = try await client.resolve(common.place)
                let result = try await client.historicalWeather(for: place.coordinates, at: time, language: common.language)
                return LookupOutcome(result, units: common.units, place: place.name)
            }
        },
        LookupRoute(
            path: "/v1/weather/onecall/day-summary", summary: "One Call 3.0: one day's aggregates", family: .oneCall,
            parameters: ParameterSpec.place + [
                .units, .lang,
                ParameterSpec(name: "date", description: "The day, YYYY-MM-DD (from 1979-01-02).", schema: .date, required: true),
            ], data: DaySummary.self
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            let date = try calendarDate(query, "date", required: true)!
            _ = try validated("date", as: Problem.unprocessableParameter) { () throws(WeatherError) in
                try OpenWeatherRequest.daySummary(try Coordinates(latitude: 0, longitude: 0), date: date)
            }
            return LookupPlan(key: "date=\(date)|" + common.keyText) { client in
                let place = try await client.resolve(common.place)
                let result = try await client.daySummary(for: place.coordinates, date: date, language: common.language)
                return LookupOutcome(result, units: common.units, place: place.name)
            }
        },
        LookupRoute(
            path: "/v1/weather/onecall/overview", summary: "One Call 3.0: a human-readable overview", family: .oneCall,
            parameters: ParameterSpec.place + [
                .units, .lang,
                ParameterSpec(name: "date", description: "Today or tomorrow, YYYY-MM-DD (default today).", schema: .date),
            ], data: WeatherOverview.self
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            let date = try calendarDate(query, "date", required: false)
            return LookupPlan(key: "date=\(date?.description ?? "")|" + common.keyText) { client in
                let place = try await client.resolve(common.place)
                let result = try await client.overview(for: place.coordinates, date: date)
                return LookupOutcome(result, units: common.units, place: place.name)
            }
        },
    ]

    package static let air: [LookupRoute] = [
        LookupRoute(
            path: "/v1/air", summary: "Current air quality", family: .air, parameters: ParameterSpec.place + [.lang],
            data: AirPollution.self
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            return LookupPlan(key: common.keyText) { client in
                let place = try await client.resolve(common.place)
                return LookupOutcome(try await client.airPollution(for: place.coordinates), units: nil, place: place.name)
            }
        },
        LookupRoute(
            path: "/v1/air/forecast", summary: "Hourly air quality forecast", family: .air,
            parameters: ParameterSpec.place + [.lang], data: AirPollution.self
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            return LookupPlan(key: common.keyText) { client in
                let place = try await client.resolve(common.place)
                return LookupOutcome(
                    try await client.airPollutionForecast(for: place.coordinates), units: nil, place: place.name)
            }
        },
        LookupRoute(
            path: "/v1/air/history", summary: "Hourly air quality between two instants", family: .air,
            parameters: ParameterSpec.place + [
                .lang,
                airHistoryStart, airHistoryEnd,
            ], data: AirPollution.self
        ) { query, now throws(Problem) in
            let common = try LookupQuery(query)
            guard let start = try airHistoryStart.integer(in: query), let end = try airHistoryEnd.integer(in: query) else {
                throw .invalidParameter("start", "start and end are required.")
            }
            guard start <= end else { throw .unprocessableParameter("end", "end is before start.") }
            guard TimeInterval(end) <= now.timeIntervalSince1970 else {
                throw .unprocessableParameter("end", "end is in the future: air quality history ends now.")
            }
            // One request, one bounded body: longer ranges are asked a month at a time.
            guard end - start <= Self.airHistoryMaximumSpan else {
                throw .unprocessableParameter("end", "end is more than 31 days after start: ask for at most 31 days at a time.")
            }
            let (from, to) = (Date(timeIntervalSince1970: TimeInterval(start)), Date(timeIntervalSince1970: TimeInterval(end)))
            return LookupPlan(key: "start=\(start)|end=\(end)|" + common.keyText) { client in
                let place = try await client.resolve(common.place)
                return LookupOutcome(
                    try await client.airPollutionHistory(for: place.coordinates, from: from, to: to), units: nil,
                    place: place.name)
            }
        },
    ]

    /// `cnt` of the 5-day forecast.
    static let forecastSteps = ParameterSpec(
        name: "cnt", description: "Number of 3-hour steps (1–40, default all).", schema: .integer(minimum: 1, maximum: 40))
    /// `dt` of One Call's timemachine.
    static let timeMachineInstant = ParameterSpec(
        name: "dt", description: "The instant, Unix seconds: from 1979-01-01 to 4 days from now (what OpenWeather serves).",
        schema: .integer(minimum: 283_996_800, maximum: 253_402_300_799), required: true)
    /// `start` of the air quality history.
    static let airHistoryStart = ParameterSpec(
        name: "start", description: "First instant, Unix seconds (from 2020-11-27, OpenWeather's first).",
        schema: .integer(minimum: 1_606_435_200, maximum: 253_402_300_799), required: true)
    /// `end` of the air quality history.
    static let airHistoryEnd = ParameterSpec(
        name: "end", description: "Last instant, Unix seconds: not before start, not after now, at most 31 days after start.",
        schema: .integer(minimum: 1_606_435_200, maximum: 253_402_300_799), required: true)

    /// How far ahead One Call's timemachine answers: 4 days.
    package static let timeMachineHorizon: TimeInterval = 4 * 86_400

    /// The longest air quality history one request may ask for: 31 days, in seconds.
    package static let airHistoryMaximumSpan = 31 * 86_400

    package static let geocoding: [LookupRoute] = [
        LookupRoute(
            path: "/v1/geocode", summary: "Places matching a name", family: .geocoding,
            parameters: [
                ParameterSpec(
                    name: "q", description: "city[,state][,country], e.g. Springfield,IL,US.",
                    schema: .text(pattern: TextPattern.geocodingQuery),
                    required: true),
                .limit,
            ], data: GeocodingResults.self
        ) { query, now throws(Problem) in
            guard let text = query.text("q") else { throw .invalidParameter("q", "q (a place name) is required.") }
            if let city = query.value("q")?.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first {
                try LookupQuery.checkNameLength(city, "q")
            }
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard (1...3).contains(parts.count), !parts[0].isEmpty else {
                throw .invalidParameter("q", "q must be city, city,country or city,state,country.")
            }
            let limit = try ParameterSpec.limit.integer(in: query) ?? 5
            let request = try validated("q") { () throws(WeatherError) in
                try OpenWeatherRequest.geocode(
                    city: parts[0], state: parts.count == 3 ? parts[1] : nil,
                    country: parts.count >= 2 ? parts[parts.count - 1] : nil, limit: limit)
            }
            return LookupPlan(key: CacheKey(request, coordinatePrecision: 6).rawValue) { client in
                LookupOutcome(try await client.fetch(request, as: GeocodingResults.self), units: nil)
            }
        },
        LookupRoute(
            path: "/v1/geocode/reverse", summary: "Places near a point", family: .geocoding,
            parameters: ParameterSpec.coordinates + [.limit], data: GeocodingResults.self
        ) { query, now throws(Problem) in
            let coordinates = try LookupQuery.coordinates(query)
            let limit = try ParameterSpec.limit.integer(in: query) ?? 5
            let request = try validated("lat") { () throws(WeatherError) in
                try OpenWeatherRequest.reverseGeocode(coordinates, limit: limit)
            }
            return LookupPlan(key: CacheKey(request, coordinatePrecision: 6).rawValue) { client in
                LookupOutcome(try await client.fetch(request, as: GeocodingResults.self), units: nil)
            }
        },
        LookupRoute(
            path: "/v1/geocode/zip", summary: "The place of a postal code", family: .geocoding,
            parameters: [
                ParameterSpec(
                    name: "zip", description: "Postal code.",
                    schema: .text(pattern: TextPattern.name, maxLength: TextPattern.maximumNameLength), required: true),
                ParameterSpec(
                    name: "country", description: "ISO 3166 country code (default US).",
                    schema: .text(pattern: TextPattern.blankOr(TextPattern.code))),
            ], data: ZipLocation.self
        ) { query, now throws(Problem) in
            guard let zip = try LookupQuery.name(query, "zip") else { throw .invalidParameter("zip", "zip is required.") }
            let request = try validated("zip") { () throws(WeatherError) in
                try OpenWeatherRequest.geocode(zip: zip, country: query.text("country"))
            }
            return LookupPlan(key: CacheKey(request, coordinatePrecision: 6).rawValue) { client in
                LookupOutcome(try await client.fetch(request, as: ZipLocation.self), units: nil)
            }
        },
    ]

    /// Runs a WeatherCore request factory, turning its validation error into a 400 for `parameter`.
    /// What `make` makes, or its error as the problem `problem` makes (by default a 400) naming `parameter`.
    package static func validated<T>(
        _ parameter: String, as problem: (String, String) -> Problem = Problem.invalidParameter,
        _ make: () throws(WeatherError) -> T
    ) throws(Problem) -> T {
        do {
            return try make()
        } catch {
            throw problem(parameter, error.message)
        }
    }

    /// `exclude=minutely,alerts` → sections.
    package static func sections(_ text: String?) throws(Problem) -> OneCallSections {
        guard let text else { return [] }
        var sections: OneCallSections = []
        for name in text.split(separator: ",").map({ $0.trimmingWhitespace().lowercased() }) where !name.isEmpty {
            switch name {
            case "current": sections.insert(.current)
            case "minutely": sections.insert(.minutely)
            case "hourly": sections.insert(.hourly)
            case "daily": sections.insert(.daily)
            case "alerts": sections.insert(.alerts)
            default:
                throw .invalidParameter(
                    "exclude", "exclude takes current, minutely, hourly, daily and alerts, comma-separated.")
            }
        }
        return sections
    }

    /// `date=YYYY-MM-DD`.
    package static func calendarDate(_ query: QueryString, _ name: String, required: Bool) throws(Problem) -> CalendarDate? {
        guard let text = try LookupQuery.nonBlank(query, name) else {
            if required { throw .invalidParameter(name, "\(name) (YYYY-MM-DD) is required.") }
            return nil
        }
        do {
            return try CalendarDate(parsing: text)
        } catch {
            throw .invalidParameter(name, error.message)
        }
    }
}
