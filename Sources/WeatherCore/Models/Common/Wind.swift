/// Wind at 10 m: speed, the direction it blows from, and gusts when OpenWeather reports them.
public struct Wind: Sendable, Equatable, Codable {
    /// Mean wind speed (`speed` / `wind_speed`).
    public var speed: Speed
    /// Where the wind blows from (`deg` / `wind_deg`).
    public var direction: Direction
    /// Gust speed (`gust` / `wind_gust`); absent when calm or not measured.
    public var gust: Speed?

    /// Creates a wind reading.
    public init(speed: Speed, direction: Direction, gust: Speed? = nil) {
        self.speed = speed
        self.direction = direction
        self.gust = gust
    }
}

extension Wind: JSONReadable {
    /// Reads the 2.5 `wind` object: `{"speed":…,"deg":…,"gust":…}`.
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var speed: Double?
        var degrees: Double = 0
        var gust: Double?
        while try r.nextMember(&cursor) {
            if r.key("speed") {
                speed = try r.double()
            } else if r.key("deg") {
                degrees = try r.double()
            } else if r.key("gust") {
                gust = try r.optionalDouble()
            } else {
                try r.skipValue()
            }
        }
        guard let speed else { throw r.missing("speed", in: cursor) }
        self.init(
            speed: Speed(metersPerSecond: speed), direction: Direction(degrees: degrees),
            gust: gust.map { Speed(metersPerSecond: $0) })
    }
}
