public import Foundation

/// One minute of One Call's 1-hour precipitation forecast: 3.0's `minutely[]` and 4.0's
/// `/timeline/1min` records.
public struct MinutelyPrecipitation: Sendable, Equatable, Codable {
    /// The minute (`dt`).
    public var time: Date
    /// Precipitation intensity in mm/h (`precipitation`).
    public var precipitation: Precipitation
    /// One Call 4.0: the ids of the alerts in force in this minute (`alerts`); `nil` when there are none.
    public var alertIDs: [String]? = nil
}

extension MinutelyPrecipitation: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var time: Date?
        var amount: Double = 0
        var alertIDs: [String]?
        while try r.nextMember(&cursor) {
            if r.key("dt") {
                time = try r.date()
            } else if r.key("precipitation") {
                amount = try r.double()
            } else if r.key("alerts") {
                alertIDs = try r.alertIDs()
            } else {
                try r.skipValue()
            }
        }
        guard let time else { throw r.missing("dt", in: cursor) }
        self.init(time: time, precipitation: Precipitation(millimeters: amount), alertIDs: alertIDs)
    }
}

extension MinutelyPrecipitation {
    /// The encoded keys: `alertIDs` as `alertIds`, so snake_case encoders write `alert_ids`
    /// (Foundation's conversion splits `IDs` into `i_ds`).
    enum CodingKeys: String, CodingKey {
        case time, precipitation
        case alertIDs = "alertIds"
    }
}
