#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ServiceConfiguration {
    /// Whether `host` can name an address to bind: an IPv4 or IPv6 literal, or a host name made of
    /// RFC 1123 labels whose last label is not all digits (so `999.1.1.1` is neither).
    package static func isValidHost(_ host: String) -> Bool {
        if host.contains(":") {
            var address = in6_addr()
            let literal = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
            return inet_pton(AF_INET6, literal, &address) == 1
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) {
            var address = in_addr()
            return labels.count == 4 && inet_pton(AF_INET, host, &address) == 1
        }
        guard host.utf8.count <= 253, let last = labels.last, !last.allSatisfy(\.isASCIIDigit) else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCIIDigit || $0.isASCIILetter || $0 == "-" }
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}
