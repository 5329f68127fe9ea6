/// One element of `/geo/1.0/direct` (the document is an array of these), decoded by
/// Foundation's `JSONDecoder`.
package struct RefGeocodingResult: Codable, Sendable, Equatable {
    package var name: String
    package var localNames: [String: String]?
    package var lat: Double
    package var lon: Double
    package var country: String
    package var state: String?

    enum CodingKeys: String, CodingKey {
        case name
        case localNames = "local_names"
        case lat, lon, country, state
    }
}
