public import Foundation

/// One minute of One Call's 1-hour precipitation forecast (`minutely[]`).
public struct MinutelyPrecipitation: Sendable, Equatable, Encodable {
    /// The minute (`dt`).
    public var time: Date
    /// Precipitation intensity in mm/h (`precipitation`).
    public var precipitation: Precipitation
}

extension MinutelyPrecipitation: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var time: Date?
        var amount: Double = 0
        while try r.nextMember(&cursor) {
            if r.key("dt") {
                time = try r.date()
            } else if r.key("precipitation") {
                amount = try r.double()
            } else {
                try r.skipValue()
            }
        }
        guard let time else { throw r.missing("dt", in: cursor) }
        self.init(time: time, precipitation: Precipitation(millimeters: amount))
    }
}
