import Foundation
import WeatherCore

/// Who a request counts against: the connection's remote address, or — behind
/// ``ClientLimit/trustedProxyHops`` proxies — the address the outermost trusted proxy saw,
/// read from `X-Forwarded-For` counting from the right (the entries a client writes itself come
/// first and are never trusted).
///
/// IPv6 clients count by their /64: one host is usually handed a whole /64, and counting each
/// /128 apart would let it rotate addresses past the limit. IPv4-mapped IPv6 counts as IPv4.
/// An IPv6 client also counts against its /48 (a site's usual allocation), with ``Bucket/scale``
/// times the budget: holding 65,536 /64s of one /48 buys four clients' worth, not 65,536.
package enum ClientAddress {
    /// One budget a request is charged against.
    package struct Bucket: Hashable, Sendable {
        /// `203.0.113.7`, `2001:db8:1:2::/64`, `2001:db8:1::/48`, or `unknown` without an address.
        package var key: String
        /// How many clients' budgets it holds (1, or 4 for a /48).
        package var scale: Double

        /// A bucket for `key`, holding `scale` clients' budgets.
        package init(key: String, scale: Double) {
            self.key = key
            self.scale = scale
        }
    }

    /// How many /64s' budgets a /48 holds together.
    package static let sitePrefixScale = 4.0

    /// The bucket key: `203.0.113.7`, `2001:db8:1:2::/64`, or `unknown` without an address.
    package static func key(peer: String?, forwardedFor: [String], trustedHops: Int) -> String {
        if trustedHops > 0 {
            let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace() }
            // hops[count - 1] was appended by the nearest proxy; with N trusted proxies the client is
            // hops[count - N]. A shorter chain stops at its first entry, as far as any proxy saw.
            // An entry that is no address (a client writing garbage straight to us) counts against
            // the connection's own address, never against one bucket shared by every such request.
            if !hops.isEmpty, let forwarded = normalized(String(hops[max(0, hops.count - trustedHops)])) {
                return forwarded
            }
        }
        guard let peer, let normalized = normalized(peer) else { return "unknown" }
        return normalized
    }

    /// The buckets a request from `key` is charged against: its own, and for an IPv6 /64 its /48.
    package static func buckets(forKey key: String) -> [Bucket] {
        guard key.hasSuffix("::/64") else { return [Bucket(key: key, scale: 1)] }
        let groups = key.dropLast(5).split(separator: ":")
        return [
            Bucket(key: key, scale: 1),
            Bucket(key: groups.prefix(3).joined(separator: ":") + "::/48", scale: sitePrefixScale),
        ]
    }

    /// The address in canonical text, or `nil` when it is not an IPv4 or IPv6 address.
    package static func normalized(_ text: String) -> String? {
        var text = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {  // [2001:db8::1]:443
            text = text[text.index(after: text.startIndex)..<close]
        }
        if let percent = text.firstIndex(of: "%") { text = text[..<percent] }  // fe80::1%eth0
        guard text.utf8.count <= 64, !text.isEmpty else { return nil }
        if !text.contains(":") {
            return ipv4(text)
        }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {  // 1.2.3.4:5678
            return ipv4(text[..<colon])
        }
        guard let groups = ipv6Groups(text) else { return nil }
        if groups[0..<5].allSatisfy({ $0 == 0 }), groups[5] == 0xFFFF {
            return "\(groups[6] >> 8).\(groups[6] & 0xFF).\(groups[7] >> 8).\(groups[7] & 0xFF)"
        }
        return groups[0..<4].map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
    }

    /// `a.b.c.d` with each part 0–255, rewritten without leading zeros.
    private static func ipv4(_ text: Substring) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), let value = Int(part), value <= 255
            else { return nil }
            numbers.append(value)
        }
        return numbers.map(String.init).joined(separator: ".")
    }

    /// The eight 16-bit groups of an IPv6 address (`::` expanded, a trailing dotted quad read).
    private static func ipv6Groups(_ text: Substring) -> [UInt16]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains(".") {
                    guard let quad = ipv4(piece) else { return nil }
                    let bytes = quad.split(separator: ".").compactMap { UInt16($0) }
                    result += [bytes[0] << 8 | bytes[1], bytes[2] << 8 | bytes[3]]
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit),
                        let value = UInt16(piece, radix: 16)
                    else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }
}

extension Character {
    /// `0`–`9` only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
