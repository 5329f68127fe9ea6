/// Strong entity tags and `If-None-Match` matching (RFC 9110 §8.8.3, §13.1.2).
package enum EntityTag {
    /// `"<16 hex digits>"`: FNV-1a (64 bit) over the body. Deterministic across processes and
    /// replicas, so a CDN in front sees one tag per representation whichever replica answers.
    package static func strong(for bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.utf8.count) + hex + "\""
    }

    /// Whether an `If-None-Match` value matches `tag` (weak comparison, as the RFC asks for this header):
    /// `*`, or any listed tag equal to `tag` once a `W/` prefix is ignored.
    package static func matches(ifNoneMatch header: String, tag: String) -> Bool {
        var rest = Substring(header)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            if rest.isEmpty { return false }
            if rest.first == "*" { return true }
            if rest.hasPrefix("W/") { rest = rest.dropFirst(2) }
            guard rest.first == "\"" else {
                // Not a quoted tag: skip to the next comma.
                rest = rest.drop { $0 != "," }
                continue
            }
            guard let close = rest.dropFirst().firstIndex(of: "\"") else { return false }
            if rest[rest.startIndex...close] == tag { return true }
            rest = rest[rest.index(after: close)...]
        }
    }
}
