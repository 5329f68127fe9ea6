public import Foundation

/// One 3-hour step of the 5-day forecast (`list[]`).
public struct ForecastEntry: Sendable, Equatable, Codable {
    /// The time the step is for (`dt`).
    public var time: Date
    /// Temperature, pressure and humidity (`main`).
    public var main: MainReadings
    /// The conditions (`weather`).
    public var conditions: [WeatherCondition]
    /// Cloudiness in percent (`clouds.all`).
    public var cloudiness: Int
    /// Wind (`wind`).
    public var wind: Wind
    /// Visibility (`visibility`); absent when not forecast.
    public var visibility: Distance?
    /// Probability of precipitation, 0…1 (`pop`).
    public var precipitationProbability: Double?
    /// Rain volume for the 3 hours (`rain.3h`); absent when none.
    public var rain: PrecipitationVolume?
    /// Snow volume for the 3 hours (`snow.3h`); absent when none.
    public var snow: PrecipitationVolume?
    /// Part of the day (`sys.pod`): `d` for day, `n` for night.
    public var partOfDay: String?
    /// The step's time as OpenWeather formats it in UTC (`dt_txt`, `2026-04-01 09:00:00`).
    public var timeText: String?
}

extension ForecastEntry: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var time: Date?
        var main: MainReadings?
        var conditions: [WeatherCondition] = []
        var cloudiness = 0
        var wind: Wind?
        // Every field is a local until the end: assigning `self`'s optionals inside the loop
        // made the compiler destroy and re-initialise them piecewise.
        var visibility: Distance?
        var precipitationProbability: Double?
        var rain: PrecipitationVolume?
        var snow: PrecipitationVolume?
        var partOfDay: String?
        var timeText: String?
        while try r.nextMember(&cursor) {
            if r.key("dt") {
                time = try r.date()
            } else if r.key("main") {
                main = try MainReadings(reading: &r)
            } else if r.key("weather") {
                conditions = try r.array(of: WeatherCondition.self)
            } else if r.key("clouds") {
                cloudiness = try Clouds(reading: &r).all
            } else if r.key("wind") {
                wind = try Wind(reading: &r)
            } else if r.key("visibility") {
                visibility = try r.optionalDouble().map { Distance(meters: $0) }
            } else if r.key("pop") {
                precipitationProbability = try r.optionalDouble()
            } else if r.key("rain") {
                rain = try r.consumeNull() ? nil : PrecipitationVolume(reading: &r)
            } else if r.key("snow") {
                snow = try r.consumeNull() ? nil : PrecipitationVolume(reading: &r)
            } else if r.key("sys") {
                partOfDay = try PartOfDay(reading: &r).pod
            } else if r.key("dt_txt") {
                timeText = try r.optionalString()
            } else {
                try r.skipValue()
            }
        }
        guard let time else { throw r.missing("dt", in: cursor) }
        guard let main else { throw r.missing("main", in: cursor) }
        self.time = time
        self.main = main
        self.conditions = conditions
        self.cloudiness = cloudiness
        self.wind = wind ?? Wind(speed: Speed(metersPerSecond: 0), direction: Direction(degrees: 0))
        self.visibility = visibility
        self.precipitationProbability = precipitationProbability
        self.rain = rain
        self.snow = snow
        self.partOfDay = partOfDay
        self.timeText = timeText
    }
}

/// The forecast's `sys` block: `{"pod":"d"}`.
private struct PartOfDay: JSONReadable {
    var pod: String?

    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        while try r.nextMember(&cursor) {
            if r.key("pod") {
                pod = try r.optionalString()
            } else {
                try r.skipValue()
            }
        }
    }
}
