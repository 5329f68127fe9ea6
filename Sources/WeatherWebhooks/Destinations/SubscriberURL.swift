/// The parts of a subscriber URL that decide where a delivery goes, read strictly.
///
/// Strict on purpose: the URL is checked here and fetched by another parser (libcurl), and wherever two parsers
/// disagree about the host, a checked URL can reach an unchecked one. So only unambiguous forms pass: printable ASCII,
/// no user information, no backslashes, a host name of letters, digits, `-`, `_` and dots, a standard dotted IPv4
/// address or a bracketed IPv6 one without a zone.
struct SubscriberURL: Equatable {
    enum Host: Equatable {
        case name(String)
        case address(IPAddress)
    }

    var scheme: String
    var host: Host
    var hostText: String
    var port: Int

    /// Reads `string`; the scheme is checked by the policy, which knows whether `http` is allowed.
    static func parse(_ string: String, maximumLength: Int) throws(WebhookURLError) -> SubscriberURL {
        let bytes = Array(string.utf8)
        guard bytes.count <= maximumLength else { throw .tooLong(bytes.count, maximum: maximumLength) }
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "\\") }) else {
            throw .invalidCharacters
        }
        guard let separator = string.firstRange(of: "://") else { throw .unsupportedScheme }
        let scheme = string[..<separator.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { throw .unsupportedScheme }
        let rest = string[separator.upperBound...]
        guard !rest.contains("#") else { throw .fragment }
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        guard !authority.contains("@") else { throw .userInfo }

        let hostPart: Substring
        let portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw .invalidHost("an IPv6 address lacks its \"]\"")
            }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.isEmpty {
                portPart = nil
            } else if after.hasPrefix(":") {
                portPart = after.dropFirst()
            } else {
                throw .invalidHost("only a port may follow a bracketed IPv6 address")
            }
        } else {
            let pieces = authority.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw .invalidHost("an IPv6 address must be in brackets, [2001:db8::1]") }
            hostPart = pieces[0]
            portPart = pieces.count == 2 ? pieces[1] : nil
        }
        guard !hostPart.isEmpty else { throw .missingHost }

        let port: Int
        if let portPart {
            guard (1...5).contains(portPart.count), portPart.allSatisfy(\.isASCIIDigit), let value = Int(portPart),
                (1...65535).contains(value)
            else { throw .invalidPort }
            port = value
        } else {
            port = scheme == "https" ? 443 : 80
        }

        let hostText = hostPart.lowercased()
        let host: Host
        if authority.hasPrefix("[") {
            guard let address = IPAddress(hostText), address.family == .v6 else {
                throw .invalidHost("\"[\(hostText)]\" is not a standard IPv6 address (zones such as %eth0 are refused)")
            }
            host = .address(address)
        } else {
            host = try parseNameOrIPv4(hostText)
        }
        return SubscriberURL(scheme: scheme, host: host, hostText: hostText, port: port)
    }

    /// A host name, or a standard dotted IPv4 address. A host whose last label is numeric (`127.1`, `0x7f.1`,
    /// `2130706433`) is an IPv4 address to resolvers that still accept the legacy forms, and to browsers' URL parsers:
    /// no top-level domain is numeric, so such a host must be a standard dotted quad or it is refused, never resolved.
    private static func parseNameOrIPv4(_ host: String) throws(WebhookURLError) -> Host {
        guard host.utf8.count <= 253 else { throw .invalidHost("a host name is at most 253 characters") }
        guard host.allSatisfy({ $0.isASCIILetterOrDigit || $0 == "-" || $0 == "." || $0 == "_" }) else {
            throw .invalidHost("a host name holds only letters, digits, \"-\", \"_\" and dots")
        }
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count > 1, labels.last == "" { labels.removeLast() }  // a fully qualified name's trailing dot
        guard labels.allSatisfy({ (1...63).contains($0.count) }) else {
            throw .invalidHost("each dot-separated label of a host name is 1 to 63 characters")
        }
        let last = labels[labels.count - 1]
        let looksNumeric =
            last.allSatisfy(\.isASCIIDigit)
            || (last.hasPrefix("0x") && last.dropFirst(2).allSatisfy(\.isHexDigit))
        guard looksNumeric else { return .name(host) }
        guard let address = IPAddress(host), address.family == .v4 else {
            throw .invalidHost(
                "\"\(host)\" is not a standard dotted IPv4 address (forms such as 127.1, 0x7f.0.0.1 or 2130706433 are "
                    + "refused)")
        }
        return .address(address)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    fileprivate var isASCIILetterOrDigit: Bool {
        isASCIIDigit || ("a"..."z").contains(self) || ("A"..."Z").contains(self)
    }
}
