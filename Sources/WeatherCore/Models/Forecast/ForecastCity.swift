public import Foundation

/// The place of a 5-day forecast (`city`).
public struct ForecastCity: Sendable, Equatable, Codable {
    /// OpenWeather's city id (`id`).
    public var id: Int
    /// The city name (`name`); empty at sea.
    public var name: String
    /// Where the city is (`coord`).
    public var coordinates: Coordinates
    /// Country code, ISO 3166 (`country`); absent at sea.
    public var country: String?
    /// Population (`population`), when known.
    public var population: Int?
    /// The place's offset from UTC in seconds (`timezone`).
    public var utcOffsetSeconds: Int
    /// Sunrise (`sunrise`); `nil` in polar night or day.
    public var sunrise: Date?
    /// Sunset (`sunset`); `nil` in polar night or day.
    public var sunset: Date?

    /// The place's time zone as a fixed offset from UTC.
    public var timeZone: TimeZone { LocalTime.timeZone(secondsFromGMT: utcOffsetSeconds) }
}

extension ForecastCity: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var id = 0
        var name = ""
        var coordinates: Coordinates?
        var utcOffset = 0
        while try r.nextMember(&cursor) {
            if r.key("id") {
                id = try r.int()
            } else if r.key("name") {
                name = try r.string()
            } else if r.key("coord") {
                coordinates = try Coordinates(reading: &r)
            } else if r.key("country") {
                country = try r.optionalString()
            } else if r.key("population") {
                population = try r.optionalInt()
            } else if r.key("timezone") {
                utcOffset = try r.int()
            } else if r.key("sunrise") {
                sunrise = try r.dateUnlessZero()
            } else if r.key("sunset") {
                sunset = try r.dateUnlessZero()
            } else {
                try r.skipValue()
            }
        }
        guard let coordinates else { throw r.missing("coord", in: cursor) }
        self.id = id
        self.name = name
        self.coordinates = coordinates
        self.utcOffsetSeconds = utcOffset
    }
}
