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
        self.init(uncheckedLatitude: lat, longitude: lon)
    }
}
