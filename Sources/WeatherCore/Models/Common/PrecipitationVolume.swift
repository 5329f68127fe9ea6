/// Rain or snow as the 2.5 and One Call hourly objects send it: `{"1h":…}` and/or `{"3h":…}`.
public struct PrecipitationVolume: Sendable, Equatable, Codable {
    /// Volume over the last (or, in forecasts, the coming) hour (`1h`).
    public var lastHour: Precipitation?
    /// Volume over the last (or coming) three hours (`3h`).
    public var lastThreeHours: Precipitation?

    /// Creates a volume.
    public init(lastHour: Precipitation? = nil, lastThreeHours: Precipitation? = nil) {
        self.lastHour = lastHour
        self.lastThreeHours = lastThreeHours
    }
}

extension PrecipitationVolume: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        self.init()
        while try r.nextMember(&cursor) {
            if r.key("1h") {
                lastHour = Precipitation(millimeters: try r.double())
            } else if r.key("3h") {
                lastThreeHours = Precipitation(millimeters: try r.double())
            } else {
                try r.skipValue()
            }
        }
    }
}
