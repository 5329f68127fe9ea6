import Foundation
import NIOCore

extension ServiceConfiguration {
    /// Whether `host` can name an address to bind: an IPv4 or IPv6 literal, or a host name made of
    /// RFC 1123 labels whose last label is not all digits (so `999.1.1.1` is neither).
    static func isValidHost(_ host: String) -> Bool {
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

    /// Resolves ``host`` the way the server will bind it, before anything starts.
    ///
    /// - Throws: ``ConfigurationError`` naming `HOST` when it does not resolve to an address, so a
    ///   typo is one line and exit status 2 instead of a failure after the start-up lines.
    public func resolveBindAddress() throws(ConfigurationError) {
        do {
            _ = try SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw ConfigurationError(
                variable: "HOST", problem: "\"\(host)\" does not resolve to an address this machine can bind")
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}
