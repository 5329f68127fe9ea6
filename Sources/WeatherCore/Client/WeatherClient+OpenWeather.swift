public import Foundation

/// One method per OpenWeather endpoint: build the request (validated), look it up through the
/// cache, decode the model. Data comes in standard units; convert locally with `Units`.
extension WeatherClient {
    /// Current weather for `place` (`/data/2.5/weather`).
    ///
    /// - Throws: ``WeatherError``: ``WeatherError/Code/invalidRequest`` for a bad place, or any lookup failure.
    public func current(for place: Place, language: String? = nil) async throws -> WeatherResult<CurrentWeather> {
        try await fetch(try OpenWeatherRequest.current(place, language: language), as: CurrentWeather.self)
    }

    /// The 5 day / 3 hour forecast for `place` (`/data/2.5/forecast`), optionally only the first `count` steps.
    public func forecast(for place: Place, count: Int? = nil, language: String? = nil) async throws
        -> WeatherResult<Forecast>
    {
        try await fetch(try OpenWeatherRequest.forecast(place, count: count, language: language), as: Forecast.self)
    }

    /// One Call 3.0 weather at one instant, past or future (`/data/3.0/onecall/timemachine`).
    public func historicalWeather(for coordinates: Coordinates, at time: Date, language: String? = nil)
        async throws -> WeatherResult<HistoricalWeather>
    {
        try await fetch(
            try OpenWeatherRequest.timeMachine(coordinates, at: time, language: language), as: HistoricalWeather.self)
    }

    /// One Call 3.0 daily aggregation (`/data/3.0/onecall/day_summary`).
    public func daySummary(
        for coordinates: Coordinates, date: CalendarDate, utcOffset: Int? = nil, language: String? = nil
    ) async throws -> WeatherResult<DaySummary> {
        try await fetch(
            try OpenWeatherRequest.daySummary(coordinates, date: date, utcOffset: utcOffset, language: language),
            as: DaySummary.self)
    }

    /// One Call 3.0 human-readable overview for today or `date` (`/data/3.0/onecall/overview`).
    public func overview(for coordinates: Coordinates, date: CalendarDate? = nil) async throws
        -> WeatherResult<WeatherOverview>
    {
        try await fetch(try OpenWeatherRequest.overview(coordinates, date: date), as: WeatherOverview.self)
    }

    /// Places matching a name (`/geo/1.0/direct`); an empty result is cached like a "not found".
    public func geocode(city name: String, state: String? = nil, country: String? = nil, limit: Int = 5)
        async throws -> WeatherResult<GeocodingResults>
    {
        try await fetch(
            try OpenWeatherRequest.geocode(city: name, state: state, country: country, limit: limit),
            as: GeocodingResults.self)
    }

    /// Places near a point (`/geo/1.0/reverse`).
    public func reverseGeocode(_ coordinates: Coordinates, limit: Int = 5) async throws
        -> WeatherResult<GeocodingResults>
    {
        try await fetch(try OpenWeatherRequest.reverseGeocode(coordinates, limit: limit), as: GeocodingResults.self)
    }

    /// The place of a postal code (`/geo/1.0/zip`).
    public func geocode(zip code: String, country: String? = nil) async throws -> WeatherResult<ZipLocation> {
        try await fetch(try OpenWeatherRequest.geocode(zip: code, country: country), as: ZipLocation.self)
    }

    /// Current air quality (`/data/2.5/air_pollution`).
    public func airPollution(for coordinates: Coordinates) async throws -> WeatherResult<AirPollution> {
        try await fetch(try OpenWeatherRequest.airPollution(coordinates), as: AirPollution.self)
    }

    /// Hourly air quality forecast (`/data/2.5/air_pollution/forecast`).
    public func airPollutionForecast(for coordinates: Coordinates) async throws -> WeatherResult<AirPollution> {
        try await fetch(try OpenWeatherRequest.airPollutionForecast(coordinates), as: AirPollution.self)
    }

    /// Hourly air quality between `start` and `end` (`/data/2.5/air_pollution/history`).
    public func airPollutionHistory(for coordinates: Coordinates, from start: Date, to end: Date) async throws
        -> WeatherResult<AirPollution>
    {
        try await fetch(
            try OpenWeatherRequest.airPollutionHistory(coordinates, from: start, to: end), as: AirPollution.self)
    }
}
