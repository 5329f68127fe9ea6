/// The members that say where a One Call 3.0 answer is about, read wherever they stand among the
/// others: `lat` and `lon`, and `timezone` with `timezone_offset` (One Call, time machine) or `tz`
/// (day summary, overview). One reader for the four models that carry them.
struct OneCallPlaceMembers {
    var latitude: Double?
    var longitude: Double?
    /// `timezone`: the IANA zone name; empty when absent.
    var timeZoneIdentifier = ""
    /// `timezone_offset`: seconds east of UTC; 0 when absent.
    var offsetSeconds = 0
    /// `tz`: the offset as `±HH:MM`; empty when absent.
    var utcOffset = ""

    /// Reads the reader's current member when it is one of these; `false`, reading nothing, for any other key.
    mutating func read(_ r: inout JSONReader) throws(JSONFailure) -> Bool {
        if r.key("lat") {
            latitude = try r.double()
        } else if r.key("lon") {
            longitude = try r.double()
        } else if r.key("timezone") {
            timeZoneIdentifier = try r.string()
        } else if r.key("timezone_offset") {
            offsetSeconds = try r.int()
        } else if r.key("tz") {
            utcOffset = try r.string()
        } else {
            return false
        }
        return true
    }

    /// The coordinates, or the failure naming whichever of `lat` and `lon` is missing.
    func coordinates(_ r: JSONReader, in cursor: ObjectCursor) throws(JSONFailure) -> Coordinates {
        guard let latitude else { throw r.missing("lat", in: cursor) }
        guard let longitude else { throw r.missing("lon", in: cursor) }
        return Coordinates(uncheckedLatitude: latitude, longitude: longitude)
    }
}
