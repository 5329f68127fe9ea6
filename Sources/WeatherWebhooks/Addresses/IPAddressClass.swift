/// What kind of destination an address is, for the webhook guard: everything but ``public`` stays off-limits to
/// subscriber URLs unless the service allows private addresses (and some even then, see
/// ``WebhookURLPolicy/allowPrivateAddresses``).
public enum IPAddressClass: Sendable, Hashable, CustomStringConvertible {
    /// A globally routable unicast address: what a webhook URL must reach.
    case `public`
    /// This host: 127.0.0.0/8, ::1.
    case loopback
    /// A private network: 10/8, 172.16/12, 192.168/16, the carrier-grade NAT range 100.64/10, unique local fc00::/7.
    case `private`
    /// Link-local: 169.254/16 (where cloud metadata services live), fe80::/10.
    case linkLocal
    /// Multicast: 224/4, ff00::/8.
    case multicast
    /// Unspecified, "this network": 0.0.0.0/8, ::. Connecting to 0.0.0.0 reaches this host on Linux.
    case unspecified
    /// The limited broadcast address 255.255.255.255.
    case broadcast
    /// Reserved or special-purpose: 240/4, 192.0.0/24, 192.88.99/24, and IPv6 outside 2000::/3 or in its
    /// special-purpose blocks.
    case reserved
    /// Documentation and benchmarking ranges: 192.0.2/24, 198.51.100/24, 203.0.113/24, 198.18/15, 2001:db8::/32,
    /// 3fff::/20, 2001:2::/48.
    case documentation

    /// The class of `address`. An IPv6 address that embeds an IPv4 one (IPv4-mapped ::ffff:0:0/96, IPv4-compatible
    /// ::/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16) is classified by the IPv4 address it embeds, since
    /// that is where a connection to it can end up.
    public init(_ address: IPAddress) {
        self = address.family == .v4 ? Self.classify(v4: address.bytes) : Self.classify(v6: address.bytes)
    }

    /// The class as the end of a sentence: "a link-local address (cloud metadata lives there)".
    public var description: String {
        switch self {
        case .public: "a public address"
        case .loopback: "a loopback address (this machine)"
        case .private: "a private-network address"
        case .linkLocal: "a link-local address (cloud metadata lives there)"
        case .multicast: "a multicast address"
        case .unspecified: "an unspecified address (0.0.0.0 or ::, which reach this machine)"
        case .broadcast: "the broadcast address"
        case .reserved: "a reserved address"
        case .documentation: "a documentation or benchmarking address"
        }
    }

    private static func classify(v4 b: [UInt8]) -> IPAddressClass {
        let (a, c) = (b[0], b[1])
        switch a {
        case 0: return .unspecified
        case 10: return .private
        case 100 where c & 0xC0 == 64: return .private  // 100.64.0.0/10, carrier-grade NAT
        case 127: return .loopback
        case 169 where c == 254: return .linkLocal
        case 172 where c & 0xF0 == 16: return .private
        case 192 where c == 168: return .private
        case 192 where c == 0 && b[2] == 0: return .reserved  // IETF protocol assignments
        case 192 where c == 0 && b[2] == 2: return .documentation
        case 192 where c == 88 && b[2] == 99: return .reserved  // deprecated 6to4 relay anycast
        case 198 where c & 0xFE == 18: return .documentation  // 198.18.0.0/15, benchmarking
        case 198 where c == 51 && b[2] == 100: return .documentation
        case 203 where c == 0 && b[2] == 113: return .documentation
        case 224...239: return .multicast
        case 255 where b == [255, 255, 255, 255]: return .broadcast
        case 240...255: return .reserved
        default: return .public
        }
    }

    private static func classify(v6 b: [UInt8]) -> IPAddressClass {
        let address = IPAddress(uncheckedBytes: b)
        let embedded = address.lastFourBytes
        if b[0..<15].allSatisfy({ $0 == 0 }) {
            return b[15] == 0 ? .unspecified : (b[15] == 1 ? .loopback : classify(v4: embedded.bytes))
        }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF {
            return classify(v4: embedded.bytes)  // ::ffff:0:0/96, IPv4-mapped
        }
        if b[0..<12].allSatisfy({ $0 == 0 }) {
            return classify(v4: embedded.bytes)  // ::/96, IPv4-compatible (deprecated)
        }
        if b[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] {
            return classify(v4: embedded.bytes)  // 64:ff9b::/96, NAT64
        }
        if b[0..<6] == [0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01] {
            // 64:ff9b:1::/48, local-use NAT64 (RFC 8215): the IPv4 address sits in a site-chosen place; refuse.
            return .private
        }
        if b[0] == 0x20 && b[1] == 0x02 {
            return classify(v4: Array(b[2..<6]))  // 2002::/16, 6to4
        }
        if b[0] == 0xFF { return .multicast }
        if b[0] == 0xFE && b[1] & 0xC0 == 0x80 { return .linkLocal }
        if b[0] & 0xFE == 0xFC { return .private }
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8 { return .documentation }
        if b[0] == 0x3F && b[1] == 0xFF && b[2] & 0xF0 == 0 { return .documentation }  // 3fff::/20
        if b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0x02 && b[4] == 0 && b[5] == 0 {
            return .documentation  // 2001:2::/48, benchmarking
        }
        if b[0] == 0x20 && b[1] == 0x01 && b[2] & 0xFE == 0 {
            return .reserved  // 2001::/23, IETF protocol assignments: Teredo, ORCHID, AS112, anycast services
        }
        if b[0] & 0xE0 != 0x20 { return .reserved }  // outside 2000::/3, the global unicast space
        return .public
    }
}
