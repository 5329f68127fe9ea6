package import Foundation
import Synchronization

/// The scalar spellings of Foundation's `JSONEncoder` as the service configures it (ISO 8601
/// dates, slashes unescaped), byte for byte: `ResponseJSONEncoderTests` compares them with it.
package enum JSONScalars {
    /// Appends `string` quoted, escaping `"`, `\` and the control characters.
    package static func append(string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a finite `value` as JSONEncoder writes it (`21.3`, `21` for 21.0, `1e-05`); `false`
    /// for NaN and infinities, which JSONEncoder refuses.
    package static func append(double value: Double, to bytes: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        appendTrimmed(value.description, to: &bytes)
        return true
    }

    /// ``append(double:to:)`` for `Float`.
    package static func append(float value: Float, to bytes: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        appendTrimmed(value.description, to: &bytes)
        return true
    }

    private static func appendTrimmed(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        if utf8.count > 2, utf8.last == UInt8(ascii: "0"), utf8.dropLast().last == UInt8(ascii: ".") {
            bytes.append(contentsOf: utf8.dropLast(2))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends `date` as `.iso8601` writes it: `"2026-12-03T06:43:18Z"`, whole seconds (rounded down).
    package static func append(date: Date, to bytes: inout [UInt8]) {
        let f = PlaceClock.utc.fields(of: date)
        var year = String(f.year)
        while year.utf8.count < 4 { year = "0" + year }
        let text = year + "-" + PlaceClock.two(f.month) + "-" + PlaceClock.two(f.day) + "T" + f.timeOfDay + "Z"
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: text.utf8)
        bytes.append(UInt8(ascii: "\""))
    }
}

/// JSON member keys converted to snake_case, quoted and followed by `:`, made once per key name.
///
/// The conversion is Foundation's own (`.convertToSnakeCase`, run once on a one-member object), so
/// the keys cannot drift from what `JSONEncoder` writes.
package enum SnakeCaseKeys {
    private static let cache = Mutex<[String: (name: String, bytes: [UInt8])]>([:])

    /// The converted name of `key` and its `"name":` bytes.
    package static func member(_ key: String) -> (name: String, bytes: [UInt8]) {
        if let known = cache.withLock({ $0[key] }) { return known }
        let name = convert(key)
        var bytes: [UInt8] = []
        JSONScalars.append(string: name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        let entry = (name, bytes)
        cache.withLock { $0[key] = entry }
        return entry
    }

    private struct Key: CodingKey {
        package var stringValue: String
        package var intValue: Int? { nil }
        package init(stringValue: String) { self.stringValue = stringValue }
        package init?(intValue: Int) { nil }
    }

    private struct OneMember: Encodable {
        package let key: String
        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(0, forKey: Key(stringValue: key))
        }
    }

    private static func convert(_ key: String) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(OneMember(key: key)),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let name = object.keys.first
        else { return key }
        return name
    }
}
