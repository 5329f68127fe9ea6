import Foundation
import WeatherCore

/// The one JSON encoder set-up of the service: snake_case keys, ISO 8601 dates, sorted keys (so
/// equal values give equal bytes, hence equal ETags on every replica), no escaped slashes.
enum ServiceJSON {
    /// Encodes `value`; with `units`, quantities are written in that system (`{"celsius": 21.3}`).
    static func encode(_ value: some Encodable, units: UnitSystem? = nil) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        if let units { encoder.userInfo[UnitSystem.codingUserInfoKey] = units }
        return Array(try encoder.encode(value))
    }
}
