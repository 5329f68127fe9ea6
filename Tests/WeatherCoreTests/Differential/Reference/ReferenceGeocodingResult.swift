/// One element of `/geo/1.0/direct` (the document is an array of these), decoded by Foundation's `JSONDecoder`.
struct ReferenceGeocodingResult: Decodable {
    var name: String
    var localNames: [String: String]?
    var lat: Double
    var lon: Double
    var country: String?
    var state: String?

    enum CodingKeys: String, CodingKey {
        case name
        case localNames = "local_names"
        case lat, lon, country, state
    }

    /// Members OpenWeather may leave out, which the variations remove.
    static let optionalPaths: [[String]] = [["*", "local_names"], ["*", "state"], ["*", "country"]]
}
