import Foundation

/// The flat fields One Call shares between `current`, `hourly[]`, timemachine `data[]` and the
/// 4.0 current, 15-minute and hourly records (`temp`, `wind_speed`, `rain.1h`, `alerts`, …), read
/// once and then shaped into the public types.
struct FlatReadings: JSONReadable {
    var time: Date?
    var sunrise: Date?
    var sunset: Date?
    var temperature: Double?
    var feelsLike: Double?
    var pressure: Double?
    var humidity: Int?
    var dewPoint: Double?
    var uvIndex: Double?
    var cloudiness: Int?
    var visibility: Double?
    var windSpeed: Double?
    var windDirection: Double?
    var windGust: Double?
    var precipitationProbability: Double?
    var rain: PrecipitationVolume?
    var snow: PrecipitationVolume?
    var conditions: [WeatherCondition] = []
    /// One Call 4.0's `alerts`: the ids of the alerts that apply.
    var alertIDs: [String]?
    /// The object's `{`, for missing-key errors.
    var start = 0

    // Inlined into each record's reader (hourly, current): the fields then go straight into the
    // record instead of through a copy of this struct (measured: ~5 % of an hourly page's decode).
    @inline(__always)
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        start = cursor.start
        // Members are dispatched on the key's length first (a jump table), then compared as
        // integer words against the few names of that length: at most three compares per member
        // instead of up to nineteen in sequence.
        while try r.nextMember(&cursor) {
            switch r.keyCount {
            case 2:
                if r.key("dt") {
                    time = try r.date()
                    continue
                }
            case 3:
                if r.key("uvi") {
                    uvIndex = try r.optionalDouble()
                    continue
                }
                if r.key("pop") {
                    precipitationProbability = try r.optionalDouble()
                    continue
                }
            case 4:
                if r.key("temp") {
                    temperature = try r.double()
                    continue
                }
                if r.key("rain") {
                    rain = try r.consumeNull() ? nil : PrecipitationVolume(reading: &r)
                    continue
                }
                if r.key("snow") {
                    snow = try r.consumeNull() ? nil : PrecipitationVolume(reading: &r)
                    continue
                }
            case 6:
                if r.key("clouds") {
                    cloudiness = try r.optionalInt()
                    continue
                }
                if r.key("sunset") {
                    sunset = try r.dateUnlessZero()
                    continue
                }
                if r.key("alerts") {
                    alertIDs = try r.alertIDs()
                    continue
                }
            case 7:
                if r.key("weather") {
                    conditions = try r.consumeNull() ? [] : r.array(of: WeatherCondition.self)
                    continue
                }
                if r.key("sunrise") {
                    sunrise = try r.dateUnlessZero()
                    continue
                }
            case 8:
                if r.key("pressure") {
                    pressure = try r.double()
                    continue
                }
                if r.key("humidity") {
                    humidity = try r.int()
                    continue
                }
                if r.key("wind_deg") {
                    windDirection = try r.double()
                    continue
                }
            case 9:
                if r.key("dew_point") {
                    dewPoint = try r.optionalDouble()
                    continue
                }
                if r.key("wind_gust") {
                    windGust = try r.optionalDouble()
                    continue
                }
            case 10:
                if r.key("feels_like") {
                    feelsLike = try r.double()
                    continue
                }
                if r.key("visibility") {
                    visibility = try r.optionalDouble()
                    continue
                }
                if r.key("wind_speed") {
                    windSpeed = try r.double()
                    continue
                }
            default:
                break
            }
            try r.skipValue()
        }
    }

    /// The wind, from the flat `wind_speed` / `wind_deg` / `wind_gust`.
    var wind: Wind {
        Wind(
            speed: Speed(metersPerSecond: windSpeed ?? 0), direction: Direction(degrees: windDirection ?? 0),
            gust: windGust.map { Speed(metersPerSecond: $0) })
    }

    func required<T>(_ value: T?, _ key: StaticString) throws(JSONFailure) -> T {
        guard let value else { throw JSONFailure(reason: .missingKey(key), offset: start) }
        return value
    }
}
