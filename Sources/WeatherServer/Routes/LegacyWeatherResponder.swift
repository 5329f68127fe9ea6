import Foundation
import HTTPTypes
import Hummingbird
import WeatherCore
import WeatherServerCore
import WeatherPages

/// `GET /weather/{city}?units=…`: the replaced service's route and body, so its clients can switch
/// without a change. It is current weather by city through the same ``LookupPipeline``
/// (near-cache, client, headers) as `/v1/weather/current`; the body is the replaced service's
/// flat `WeatherResponse`.
struct LegacyWeatherResponder: Sendable {
    static let path = "/weather/{city}"
    let dependencies: ServiceDependencies

    func respond(to request: Request, context: ServiceRequestContext, city rawCity: String) async throws -> Response {
        let query = try QueryString(request.uri.query.map { Substring($0) })
        try query.requireOnly(["units"])
        let units = try LookupQuery.units(query)
        // Hummingbird hands the path parameter over still percent-encoded (`Z%C3%BCrich`).
        guard let decoded = rawCity.removingPercentEncoding,
            decoded.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }),
            !decoded.contains("/"), !decoded.contains("\\")
        else {
            throw Problem.invalidParameter(
                "city", "The city in the path must be percent-encoded UTF-8 text without control characters or slashes.")
        }
        try LookupQuery.checkNameLength(decoded, "city")
        let city = decoded.trimmingWhitespace()
        guard !city.isEmpty else { throw Problem.invalidParameter("city", "The city in the path is empty.") }
        let place = try LookupRoute.validated("city") { () throws(WeatherError) in
            try Place.city(name: city).validated()
        }
        let upstreamRequest = try LookupRoute.validated("city") { () throws(WeatherError) in
            try OpenWeatherRequest.current(place)
        }
        let plan = LookupPlan(key: Self.path + "?" + place.normalizedKey() + "|" + units.rawValue) { client in
            // What later requests get from the near-cache is a cached answer: `cached: true`. The miss
            // says `cached: false` but is the same representation (see below).
            LookupOutcome(
                try await client.fetch(upstreamRequest, as: CurrentWeather.self),
                encode: { weather, mode in
                    try ServiceJSON.encode(LegacyWeather(weather, units: units, cached: true, mode: mode))
                },
                encodeMiss: { weather, mode in
                    try ServiceJSON.encode(LegacyWeather(weather, units: units, cached: false, mode: mode))
                })
        }
        let answer = try await LookupPipeline(dependencies: dependencies).answer(
            plan, family: .current, route: Self.path, target: nil)
        guard let missBody = answer.missBody else {
            return LookupResponse.make(answer.body, status: answer.status, now: answer.at, request: request)
        }
        // The miss carries the cached answer's tag, weak (equal meaning, not equal bytes), so the
        // client's next If-None-Match revalidates against what the near-cache then serves.
        var response = LookupResponse.make(missBody, status: answer.status, now: answer.at, request: request)
        response.headers[.eTag] = "W/" + answer.body.etag
        return response
    }
}

/// The replaced service's response body: flat numbers in the requested units, as the FastAPI service sent them.
struct LegacyWeather: Codable {
    struct Coord: Codable {
        var lon: Double
        var lat: Double
    }

    var city: String
    var country: String?
    var units: String
    var temperature: Double
    var feelsLike: Double
    var tempMin: Double
    var tempMax: Double
    var humidity: Int
    var pressure: Int
    var description: String
    var icon: String
    var windSpeed: Double
    var windDeg: Int
    var clouds: Int
    var visibility: Int?
    var sunrise: Int
    var sunset: Int
    var timezone: Int
    var observedAt: Int
    var coord: Coord
    var cached: Bool
    /// `demo` when the weather is synthetic; absent for real weather (the replaced service's body had no such member).
    var mode: String?

    init(_ weather: CurrentWeather, units: UnitSystem, cached: Bool, mode: ServiceMode) {
        func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        let condition = weather.conditions.first
        city = weather.name
        country = weather.country
        self.units = units.rawValue
        temperature = rounded(weather.main.temperature.value(in: units))
        feelsLike = rounded(weather.main.feelsLike.value(in: units))
        tempMin = rounded(weather.main.temperatureMin.value(in: units))
        tempMax = rounded(weather.main.temperatureMax.value(in: units))
        humidity = weather.main.humidity
        pressure = Int(weather.main.pressure.hectopascals.rounded())
        description = condition?.description ?? ""
        icon = condition?.icon ?? ""
        windSpeed = rounded(weather.wind.speed.value(in: units))
        windDeg = Int(weather.wind.direction.degrees.rounded())
        clouds = weather.cloudiness
        visibility = weather.visibility.map { Int($0.meters.rounded()) }
        sunrise = weather.sunrise.map { Int($0.timeIntervalSince1970) } ?? 0
        sunset = weather.sunset.map { Int($0.timeIntervalSince1970) } ?? 0
        timezone = weather.utcOffsetSeconds
        observedAt = Int(weather.time.timeIntervalSince1970)
        coord = Coord(lon: weather.coordinates.longitude, lat: weather.coordinates.latitude)
        self.cached = cached
        self.mode = mode.bodyMarker
    }
}
