/// Writes compact JSON text the way OpenWeather prints it: no spaces, whole floats without a
/// fraction (`"temp":20`), other floats rounded to a few places.
struct JSONWriter {
    /// The JSON written so far.
    private(set) var text = ""
    /// Per open container: whether nothing has been written into it yet.
    private var isFirst = [true]
    /// Set after a key, so that its value is not preceded by a comma.
    private var afterKey = false

    /// Creates an empty writer with room for a typical response.
    init() { text.reserveCapacity(1024) }

    private mutating func separate() {
        if afterKey {
            afterKey = false
        } else if isFirst[isFirst.count - 1] {
            isFirst[isFirst.count - 1] = false
        } else {
            text += ","
        }
    }

    /// Writes a key inside an object.
    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        text += ":"
        afterKey = true
    }

    /// Opens an object, optionally as the value of `key`.
    mutating func beginObject(_ key: String? = nil) {
        if let key { self.key(key) }
        separate()
        text += "{"
        isFirst.append(true)
    }

    /// Closes the innermost object.
    mutating func endObject() {
        isFirst.removeLast()
        text += "}"
    }

    /// Opens an array, optionally as the value of `key`.
    mutating func beginArray(_ key: String? = nil) {
        if let key { self.key(key) }
        separate()
        text += "["
        isFirst.append(true)
    }

    /// Closes the innermost array.
    mutating func endArray() {
        isFirst.removeLast()
        text += "]"
    }

    /// Writes an integer value.
    mutating func value(_ number: Int) {
        separate()
        text += String(number)
    }

    /// Writes a float rounded to `places` decimals; a whole number is printed without a fraction.
    mutating func value(_ number: Double, places: Int = 2) {
        separate()
        text += Self.format(number, places: places)
    }

    /// Writes a string value.
    mutating func value(_ string: String) {
        separate()
        appendQuoted(string)
    }

    /// Writes `key: number`.
    mutating func field(_ key: String, _ number: Int) {
        self.key(key)
        value(number)
    }

    /// Writes `key: number` with `places` decimals.
    mutating func field(_ key: String, _ number: Double, places: Int = 2) {
        self.key(key)
        value(number, places: places)
    }

    /// Writes `key: null`.
    mutating func nullField(_ key: String) {
        self.key(key)
        separate()
        text += "null"
    }

    /// Writes `key: "string"`.
    mutating func field(_ key: String, _ string: String) {
        self.key(key)
        value(string)
    }

    /// Formats like OpenWeather: `20`, `20.5`, `-0.13`.
    static func format(_ number: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (number * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }

    private mutating func appendQuoted(_ string: String) {
        text += "\""
        // Fast path: most names and values need no escaping.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
