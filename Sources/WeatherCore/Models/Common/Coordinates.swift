/// A point on Earth in decimal degrees, as OpenWeather's `coord` / `lat` + `lon`.
public struct Coordinates: Sendable, Equatable, Encodable {
    /// Latitude, −90…90 (`lat`).
    public var latitude: Double
    /// Longitude, −180…180 (`lon`).
    public var longitude: Double

    /// Creates coordinates from decimal degrees.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

extension Coordinates: JSONReadable {
    init(reading r: inout JSONReader) throws(JSONFailure) {
        var cursor = try r.beginObject()
        var lat: Double?
        var lon: Double?
        while try r.nextMember(&cursor) {
            if r.key("lat") {
                lat = try r.double()
            } else if r.key("lon") {
                lon = try r.double()
            } else {
                try r.skipValue()
            }
        }
        guard let lat else { throw r.missing("lat", in: cursor) }
        guard let lon else { throw r.missing("lon", in: cursor) }
        self.init(latitude: lat, longitude: lon)
    }
}
