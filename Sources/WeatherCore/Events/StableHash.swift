import Foundation

/// FNV-1a, 64 bits, over UTF-8: a hash that is the same in every process, on every platform and
/// in every release, unlike Swift's `Hasher`, which is seeded randomly per process.
///
/// Event ids and alert identities are derived from it, so replicas that see the same inputs name
/// the same event the same way, and an id kept in Redis still matches after a restart.
enum StableHash {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `parts`, each followed by the unit separator (U+001F), so `["ab", "c"]` and
    /// `["a", "bc"]` differ.
    static func fnv1a64(_ parts: [String]) -> UInt64 {
        var hash = offsetBasis
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* prime
            }
            hash ^= 0x1f
            hash = hash &* prime
        }
        return hash
    }

    /// ``fnv1a64(_:)`` as 16 lowercase hexadecimal digits.
    static func hex(_ parts: [String]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var value = fnv1a64(parts)
        var text = [UInt8](repeating: UInt8(ascii: "0"), count: 16)
        for index in stride(from: 15, through: 0, by: -1) {
            text[index] = digits[Int(value & 0xf)]
            value >>= 4
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// An instant as whole Unix seconds in decimal: the same text everywhere, whatever the locale.
    static func seconds(_ date: Date) -> String {
        String(Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
