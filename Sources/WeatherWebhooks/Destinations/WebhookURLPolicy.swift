/// What a subscriber URL may be, and the check that resolves it once and pins the addresses a delivery may use.
///
/// Webhooks make the service fetch URLs chosen by its users: without this check, a subscriber could point one at
/// the cloud metadata service (`http://169.254.169.254/`), at Redis on localhost, or at anything on the private
/// network, and read answers through error messages or timing (server-side request forgery).
///
/// ```swift
/// let policy = WebhookURLPolicy()
/// let destination = try await policy.check("https://hooks.example.com/weather", resolver: SystemWebhookResolver())
/// // Deliver to destination.addresses only: curl gets destination.curlResolveEntry through CURLOPT_RESOLVE.
/// ```
public struct WebhookURLPolicy: Sendable, Hashable {
    /// The longest URL accepted, in bytes, by default.
    public static let defaultMaximumLength = 2048

    /// Whether `http://` and loopback, private-network and documentation addresses are allowed: for local
    /// development only (the service's `WEBHOOK_ALLOW_PRIVATE=1`).
    ///
    /// Even then link-local addresses stay refused (169.254.169.254 serves cloud credentials, and no webhook receiver
    /// lives on a link-local address), as do multicast, broadcast, unspecified and reserved ones, which are no HTTP
    /// server's address.
    public var allowPrivateAddresses: Bool
    /// The longest URL accepted, in bytes (UTF-8).
    public var maximumLength: Int

    /// A policy; the defaults are production's: `https` to public addresses only, at most 2048 bytes.
    public init(allowPrivateAddresses: Bool = false, maximumLength: Int = WebhookURLPolicy.defaultMaximumLength) {
        self.allowPrivateAddresses = allowPrivateAddresses
        self.maximumLength = maximumLength
    }

    /// Whether a delivery may connect to an address of class `addressClass` under this policy.
    public func permits(_ addressClass: IPAddressClass) -> Bool {
        switch addressClass {
        case .public: true
        case .loopback, .private, .documentation: allowPrivateAddresses
        case .linkLocal, .multicast, .unspecified, .broadcast, .reserved: false
        }
    }

    /// Checks `url`, resolves its host once through `resolver`, checks every address it resolves to, and returns
    /// them pinned: connect to ``WebhookDestination/addresses`` and nothing else.
    ///
    /// Refused: a scheme other than `https` (or `http` when private addresses are allowed), user information, a
    /// fragment, a missing or malformed host, a port outside 1–65535, more than ``maximumLength`` bytes, and a host
    /// that is, or resolves to (any one of its addresses), an address ``permits(_:)`` refuses.
    ///
    /// - Throws: ``WebhookURLError`` saying which rule the URL breaks and what to do.
    public func check(_ url: String, resolver: some WebhookResolver) async throws(WebhookURLError) -> WebhookDestination
    {
        let parsed = try SubscriberURL.parse(url, maximumLength: maximumLength)
        if parsed.scheme == "http" && !allowPrivateAddresses { throw .insecureScheme }

        let addresses: [IPAddress]
        let resolved: Bool
        switch parsed.host {
        case .address(let address):
            addresses = [address]
            resolved = false
        case .name(let name):
            let answer: [IPAddress]
            do {
                answer = try await resolver.addresses(of: name, port: parsed.port)
            } catch {
                throw .unresolvable(name, error)
            }
            addresses = answer.reduce(into: []) { unique, address in
                if !unique.contains(address) { unique.append(address) }
            }
            guard !addresses.isEmpty else { throw .unresolvable(name, WebhookResolutionError("no address")) }
            resolved = true
        }
        for address in addresses {
            let addressClass = IPAddressClass(address)
            guard permits(addressClass) else {
                throw .forbidden(address, addressClass, resolved: resolved, privateAllowed: allowPrivateAddresses)
            }
        }
        return WebhookDestination(
            url: url, scheme: parsed.scheme, host: parsed.hostText, port: parsed.port, addresses: addresses,
            hostIsAddress: !resolved)
    }
}
