import Glibc

/// An IPv4 or IPv6 address, parsed from and printed in its standard numeric form (`inet_pton`/`inet_ntop`).
///
/// Only the standard forms are addresses: `127.0.0.1`, `::1`, `::ffff:127.0.0.1`. The legacy forms that some resolvers
/// still accept (`127.1`, `0x7f.0.0.1`, `2130706433`, `0177.0.0.1`) are not, so a URL cannot hide a forbidden address
/// behind one of them.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// Which family.
    public enum Family: Sendable, Hashable {
        /// IPv4: 4 bytes.
        case v4
        /// IPv6: 16 bytes.
        case v6
    }

    /// The address's bytes in network order: 4 for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    /// The family, from the number of bytes.
    public var family: Family { bytes.count == 4 ? .v4 : .v6 }

    /// An address from its bytes in network order; `nil` unless there are 4 or 16.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Parses the standard numeric form of an IPv4 (dotted quad) or IPv6 address, without brackets or a zone
    /// (`fe80::1%eth0` is not accepted); `nil` for anything else, host names included.
    public init?(_ string: String) {
        if let bytes = Self.presentationToNetwork(AF_INET, string, count: 4) {
            self.bytes = bytes
        } else if let bytes = Self.presentationToNetwork(AF_INET6, string, count: 16) {
            self.bytes = bytes
        } else {
            return nil
        }
    }

    /// The standard form (`169.254.169.254`, `2001:db8::1`, `::ffff:127.0.0.1`).
    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        let printed = bytes.withUnsafeBytes { source in
            buffer.withUnsafeMutableBufferPointer { out in
                inet_ntop(family, source.baseAddress, out.baseAddress, socklen_t(out.count)) != nil
            }
        }
        guard printed else { return bytes.map(String.init).joined(separator: ".") }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The IPv4 address embedded in an IPv6 one, by the last 4 bytes.
    var lastFourBytes: IPAddress {
        IPAddress(uncheckedBytes: Array(bytes[12..<16]))
    }

    init(uncheckedBytes: [UInt8]) {
        self.bytes = uncheckedBytes
    }

    private static func presentationToNetwork(_ family: Int32, _ string: String, count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        let result = out.withUnsafeMutableBytes { inet_pton(family, string, $0.baseAddress) }
        return result == 1 ? out : nil
    }
}
