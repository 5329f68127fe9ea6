/// A model's member names in the order OpenWeather usually sends them, pre-encoded so that
/// ``JSONReader/nextMember(_:expecting:)`` can recognise the predicted next member (`"name":`)
/// with two masked 8-byte comparisons instead of scanning for the closing quote.
///
/// A prediction only ever short-cuts reading: a member that does not match byte for byte
/// (another name, escapes, whitespace before `:`) is read the ordinary way.
struct JSONKeyOrder: Sendable {
    /// One expected member name.
    struct Key: Sendable {
        /// The name's length in bytes (at most 13, so that `"name":` fits in 16 bytes).
        let count: Int
        /// The name's bytes 0..<8 and 8..<16, zero-padded (``JSONReader/keyWords``).
        let words: (UInt64, UInt64)
        /// The bytes of `"name":` 0..<8 and 8..<16, and which of them are compared.
        let head: UInt64
        let headMask: UInt64
        let tail: UInt64
        let tailMask: UInt64

        init(_ name: StaticString) {
            let n = name.utf8CodeUnitCount
            precondition(n <= 13, "predicted member names must be at most 13 bytes")
            var raw = [UInt8](repeating: 0, count: 16)
            raw[0] = UInt8(ascii: "\"")
            for i in 0..<n {
                let b = name.utf8Start[i]
                precondition(b >= 0x20 && b < 0x80 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\"))
                raw[1 + i] = b
            }
            raw[1 + n] = UInt8(ascii: "\"")
            raw[2 + n] = UInt8(ascii: ":")
            func word(_ bytes: ArraySlice<UInt8>) -> UInt64 {
                var w: UInt64 = 0
                for (i, b) in bytes.enumerated() { w |= UInt64(b) << (UInt64(i) * 8) }
                return w
            }
            func mask(_ bytes: Int) -> UInt64 {
                bytes >= 8 ? ~0 : bytes <= 0 ? 0 : (1 << (UInt64(bytes) * 8)) - 1
            }
            count = n
            let nameBytes = Array(raw[1..<(1 + n)]) + [UInt8](repeating: 0, count: 16)
            words = (word(nameBytes[0..<8]), word(nameBytes[8..<16]))
            head = word(raw[0..<8])
            headMask = mask(n + 3)
            tail = word(raw[8..<16])
            tailMask = mask(n + 3 - 8)
        }
    }

    /// The names, in order.
    let keys: [Key]

    /// An order of member names (each at most 13 ASCII bytes without `"` or `\`).
    init(_ names: StaticString...) {
        keys = names.map(Key.init)
    }

    /// The position after the name just read (`count`, `words`), or `nil` if it is not listed.
    func position(after count: Int, _ words: (UInt64, UInt64)) -> Int? {
        for (i, key) in keys.enumerated() where key.count == count && key.words == words {
            return i + 1
        }
        return nil
    }
}
