public import Foundation

/// Current weather, forecasts and alerts for a point: the response of `/data/3.0/onecall`.
///
/// Blocks left out with `exclude=` come back as `nil` (``current``) or empty arrays.
public struct OneCall: Sendable, Equatable, Codable {
    /// The point asked for (`lat`, `lon`).
    public var coordinates: Coordinates
    /// The IANA time zone name (`timezone`), e.g. `America/Chicago`.
    public var timeZoneIdentifier: String
    /// The zone's offset from UTC in seconds at the time of the request (`timezone_offset`).
    public var utcOffsetSeconds: Int
    /// The weather now (`current`).
    public var current: WeatherSnapshot?
    /// Precipitation minute by minute for the next hour (`minutely`); empty where not available.
    public var minutely: [MinutelyPrecipitation]
    /// The next 48 hours (`hourly`).
    public var hourly: [HourlyForecast]
    /// The next 8 days (`daily`).
    public var daily: [DailyForecast]
    /// Government weather alerts (`alerts`); `nil` when there are none.
    public var alerts: [WeatherAlert]?
    /// Which One Call API answered and what the answer cost upstream; set by
    /// ``WeatherClient/oneCall(for:exclude:language:)``, `nil` for a decoded 3.0 document.
    public var source: OneCallSource? = nil
}

extension OneCall: OpenWeatherDecodable {
    /// Decodes a `/data/3.0/onecall` response body.
    public init(jsonBytes bytes: [UInt8]) throws(WeatherError) {
        self = try JSONDocument.decode(bytes)
    }

    /// The time of the `current` block (`current.dt`).
    public var observedAt: Date? { current?.time }

    /// The place's time zone: the IANA zone, or the fixed offset if the name is unknown here.
    public var timeZone: TimeZone {
        OneCallTimeZone.resolve(identifier: timeZoneIdentifier, offsetSeconds: utcOffsetSeconds)
    }
}

extension OneCall: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var place = OneCallPlaceMembers()
        minutely = []
        hourly = []
        daily = []
        while try r.nextMember(&cursor) {
            if r.key("hourly") {
                hourly = try r.array(of: HourlyForecast.self, reserving: 48)
            } else if r.key("daily") {
                daily = try r.array(of: DailyForecast.self, reserving: 8)
            } else if r.key("minutely") {
                minutely = try r.array(of: MinutelyPrecipitation.self, reserving: 61)
            } else if r.key("current") {
                current = try r.consumeNull() ? nil : WeatherSnapshot(reading: &r)
            } else if r.key("alerts") {
                alerts = try r.consumeNull() ? nil : r.array(of: WeatherAlert.self)
            } else if try !place.read(&r) {
                try r.skipValue()
            }
        }
        coordinates = try place.coordinates(r, in: cursor)
        timeZoneIdentifier = place.timeZoneIdentifier
        utcOffsetSeconds = place.offsetSeconds
    }
}

extension OneCall: PlaceTimeZoneProviding {}
