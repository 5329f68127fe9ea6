package import Foundation
package import WeatherCore

/// The one JSON encoding of the service: snake_case keys, ISO 8601 dates, sorted keys (so equal
/// values give equal bytes, hence equal ETags on every replica), no escaped slashes.
///
/// ``ResponseJSONEncoder`` writes it; Foundation's `JSONEncoder`, configured the same, encodes
/// what that one leaves to it (and is what its tests compare it with).
package enum ServiceJSON {
    /// Encodes `value`; with `units`, quantities are written in that system (`{"celsius": 21.3}`).
    package static func encode(_ value: some Encodable, units: UnitSystem? = nil) throws -> [UInt8] {
        var userInfo: [CodingUserInfoKey: Any] = [:]
        if let units { userInfo[UnitSystem.codingUserInfoKey] = units }
        if let bytes = ResponseJSONEncoder.encode(value, userInfo: userInfo) { return bytes }
        return try foundationEncode(value, units: units)
    }

    /// The same encoding through Foundation's `JSONEncoder`.
    package static func foundationEncode(_ value: some Encodable, units: UnitSystem? = nil) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        if let units { encoder.userInfo[UnitSystem.codingUserInfoKey] = units }
        return Array(try encoder.encode(value))
    }
}
