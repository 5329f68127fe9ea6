/// Turns a subscriber URL's host name into the addresses to connect to.
///
/// ``WebhookURLPolicy/check(_:resolver:)`` asks once, checks every answer and pins them, so a delivery connects to
/// what was checked and a second lookup cannot be DNS-rebound to an internal address. ``SystemWebhookResolver`` asks
/// the system (`getaddrinfo`); ``StaticWebhookResolver`` answers from a table, for tests.
///
/// A test conformer answers from its own table and throws for anything else:
///
/// ```swift
/// struct OneAnswer: WebhookResolver {
///     func addresses(of host: String, port: Int) async throws(WebhookResolutionError) -> [IPAddress] {
///         guard host == "hooks.example.com" else { throw WebhookResolutionError("no answer for \(host)") }
///         return [IPAddress("93.184.216.34")!]
///     }
/// }
/// ```
public protocol WebhookResolver: Sendable {
    /// Every address `host` resolves to for a TCP connection to `port`, IPv4 and IPv6; never empty when it returns.
    ///
    /// - Throws: ``WebhookResolutionError`` when the name does not resolve.
    func addresses(of host: String, port: Int) async throws(WebhookResolutionError) -> [IPAddress]
}

/// A host name did not resolve.
public struct WebhookResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the resolver said (`Name or service not known`).
    public let message: String

    /// An error with the resolver's message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
