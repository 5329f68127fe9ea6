import Foundation
import WeatherCore

/// The `--json` form: the models as encoded by WeatherCore (every unit named in its key),
/// snake_case keys, ISO 8601 dates, keys sorted so the output is stable.
enum JSONOutput {
    /// `value` as pretty-printed JSON text, its quantities in `units` (`{"celsius": …}` for metric;
    /// `nil` keeps WeatherCore's own units, as OpenWeather sent them: kelvin, m/s).
    static func text(_ value: some Encodable, units: UnitSystem? = nil) throws -> String {
        let encoder = JSONEncoder()
        if let units { encoder.userInfo[UnitSystem.codingUserInfoKey] = units }
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
