public import Foundation

/// Current weather at a place: the response of `/data/2.5/weather`.
///
/// ```swift
/// let weather = try CurrentWeather(jsonBytes: body)
/// print(weather.name, weather.main.temperature.kelvin)
/// ```
public struct CurrentWeather: Sendable, Equatable, Codable {
    /// Where the observation is (`coord`).
    public var coordinates: Coordinates
    /// The conditions, most significant first (`weather`).
    public var conditions: [WeatherCondition]
    /// An internal OpenWeather parameter (`base`, usually `stations`).
    public var base: String?
    /// Temperature, pressure and humidity (`main`).
    public var main: MainReadings
    /// Visibility (`visibility`, at most 10 km); absent when not reported.
    public var visibility: Distance?
    /// Wind (`wind`).
    public var wind: Wind
    /// Cloudiness in percent (`clouds.all`).
    public var cloudiness: Int
    /// Rain volume (`rain.1h` / `rain.3h`); absent when it does not rain.
    public var rain: PrecipitationVolume?
    /// Snow volume (`snow.1h` / `snow.3h`); absent when it does not snow.
    public var snow: PrecipitationVolume?
    /// When the data was calculated (`dt`).
    public var time: Date
    /// Country code, ISO 3166 (`sys.country`); absent at sea.
    public var country: String?
    /// Sunrise (`sys.sunrise`); `nil` in polar night or day, when OpenWeather sends 0 or nothing.
    public var sunrise: Date?
    /// Sunset (`sys.sunset`); `nil` in polar night or day.
    public var sunset: Date?
    /// An internal OpenWeather parameter (`sys.type`).
    public var systemType: Int?
    /// An internal OpenWeather parameter (`sys.id`).
    public var systemID: Int?
    /// The place's offset from UTC in seconds (`timezone`).
    public var utcOffsetSeconds: Int
    /// OpenWeather's city id (`id`); 0 for places that are not cities.
    public var cityID: Int
    /// The city name (`name`); empty at sea.
    public var name: String
    /// The status code OpenWeather put in the body (`cod`, an int or a string), e.g. 200.
    public var code: Int?
}

extension CurrentWeather: OpenWeatherDecodable {
    /// Decodes a `/data/2.5/weather` response body.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes)
    }

    /// The observation time (`dt`).
    public var observedAt: Date? { time }

    /// The place's time zone as a fixed offset from UTC.
    public var timeZone: TimeZone { LocalTime.timeZone(secondsFromGMT: utcOffsetSeconds) }
}

extension CurrentWeather: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var coordinates: Coordinates?
        var conditions: [WeatherCondition] = []
        var main: MainReadings?
        var wind: Wind?
        var cloudiness = 0
        var time: Date?
        var utcOffset = 0
        var cityID = 0
        var name = ""
        var sys = SystemBlock()
        // Optional fields stay locals until the end (see ForecastEntry): no piecewise re-initialisation.
        var base: String?
        var visibility: Distance?
        var rain: PrecipitationVolume?
        var snow: PrecipitationVolume?
        var code: Int?
        while try r.nextMember(&cursor) {
            if r.key("coord") {
                coordinates = try Coordinates(reading: &r)
            } else if r.key("weather") {
                conditions = try r.array(of: WeatherCondition.self)
            } else if r.key("base") {
                base = try r.optionalString()
            } else if r.key("main") {
                main = try MainReadings(reading: &r)
            } else if r.key("visibility") {
                visibility = try r.optionalDouble().map { Distance(meters: $0) }
            } else if r.key("wind") {
                wind = try Wind(reading: &r)
            } else if r.key("clouds") {
                cloudiness = try Clouds(reading: &r).all
            } else if r.key("rain") {
                rain = try r.consumeNull() ? nil : PrecipitationVolume(reading: &r)
            } else if r.key("snow") {
                snow = try r.consumeNull() ? nil : PrecipitationVolume(reading: &r)
            } else if r.key("dt") {
                time = try r.date()
            } else if r.key("sys") {
                sys = try SystemBlock(reading: &r)
            } else if r.key("timezone") {
                utcOffset = try r.int()
            } else if r.key("id") {
                cityID = try r.int()
            } else if r.key("name") {
                name = try r.string()
            } else if r.key("cod") {
                code = try r.consumeNull() ? nil : r.intOrNumericString()
            } else {
                try r.skipValue()
            }
        }
        guard let coordinates else { throw r.missing("coord", in: cursor) }
        guard let main else { throw r.missing("main", in: cursor) }
        guard let time else { throw r.missing("dt", in: cursor) }
        self.coordinates = coordinates
        self.conditions = conditions
        self.main = main
        self.wind = wind ?? Wind(speed: Speed(metersPerSecond: 0), direction: Direction(degrees: 0))
        self.cloudiness = cloudiness
        self.time = time
        self.country = sys.country
        self.sunrise = sys.sunrise
        self.sunset = sys.sunset
        self.systemType = sys.type
        self.systemID = sys.id
        self.utcOffsetSeconds = utcOffset
        self.cityID = cityID
        self.name = name
        self.base = base
        self.visibility = visibility
        self.rain = rain
        self.snow = snow
        self.code = code
    }
}

/// The 2.5 `sys` block of current weather.
private struct SystemBlock: JSONReadable {
    var country: String?
    var sunrise: Date?
    var sunset: Date?
    var type: Int?
    var id: Int?

    init() {}

    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        while try r.nextMember(&cursor) {
            if r.key("country") {
                country = try r.optionalString()
            } else if r.key("sunrise") {
                sunrise = try r.dateUnlessZero()
            } else if r.key("sunset") {
                sunset = try r.dateUnlessZero()
            } else if r.key("type") {
                type = try r.optionalInt()
            } else if r.key("id") {
                id = try r.optionalInt()
            } else {
                try r.skipValue()
            }
        }
    }
}

/// The 2.5 `clouds` block: `{"all": percent}`.
struct Clouds: JSONReadable {
    var all = 0

    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        while try r.nextMember(&cursor) {
            if r.key("all") {
                all = try r.int()
            } else {
                try r.skipValue()
            }
        }
    }
}

extension CurrentWeather: PlaceTimeZoneProviding {}
