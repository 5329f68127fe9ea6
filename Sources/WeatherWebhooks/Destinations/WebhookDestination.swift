/// A subscriber URL that passed ``WebhookURLPolicy/check(_:resolver:)``, with the addresses it was checked at.
///
/// Deliver to ``addresses`` only, never by resolving ``host`` again: a second lookup could answer differently (DNS
/// rebinding) and reach an internal address. With libcurl, pass ``curlResolveEntry`` to `CURLOPT_RESOLVE`.
public struct WebhookDestination: Sendable, Hashable {
    /// The URL as given.
    public let url: String
    /// `https` or `http`, lower case.
    public let scheme: String
    /// The host as it appears in the URL, lower case, without the brackets of an IPv6 literal; the TLS server name
    /// when it is a name.
    public let host: String
    /// The port: the URL's, or the scheme's default (443, 80).
    public let port: Int
    /// The checked addresses to connect to, in the resolver's order; never empty.
    public let addresses: [IPAddress]
    /// Whether the URL names an address (`https://[2001:db8::1]/`) rather than a host name.
    public let hostIsAddress: Bool

    /// The `CURLOPT_RESOLVE` entry pinning ``host`` and ``port`` to ``addresses`` (`host:443:192.0.2.7,[2001:db8::7]`),
    /// or `nil` when the URL names an address, which curl connects to without resolving.
    public var curlResolveEntry: String? {
        guard !hostIsAddress else { return nil }
        let pinned = addresses.map { $0.family == .v6 ? "[\($0)]" : "\($0)" }.joined(separator: ",")
        return "\(host):\(port):\(pinned)"
    }
}
