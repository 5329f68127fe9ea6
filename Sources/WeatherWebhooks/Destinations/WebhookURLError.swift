/// A subscriber URL was refused: why, and what to do instead.
public struct WebhookURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why, for programs (a metric label, a problem type, a switch in tests). Grows without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case tooLong = "too_long"
            case invalidCharacters = "invalid_characters"
            case unsupportedScheme = "unsupported_scheme"
            case insecureScheme = "insecure_scheme"
            case userInfo = "user_info"
            case fragment = "fragment"
            case missingHost = "missing_host"
            case invalidHost = "invalid_host"
            case invalidPort = "invalid_port"
            case forbiddenAddress = "forbidden_address"
            case unresolvable = "unresolvable"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// Longer than ``WebhookURLPolicy/maximumLength``.
        public static let tooLong = Code(.tooLong)
        /// Holds spaces, control characters, backslashes or non-ASCII characters.
        public static let invalidCharacters = Code(.invalidCharacters)
        /// Neither `https://` nor `http://`.
        public static let unsupportedScheme = Code(.unsupportedScheme)
        /// `http://` while private addresses are not allowed.
        public static let insecureScheme = Code(.insecureScheme)
        /// Holds user information (`user:password@`).
        public static let userInfo = Code(.userInfo)
        /// Holds a fragment (`#…`).
        public static let fragment = Code(.fragment)
        /// Has no host.
        public static let missingHost = Code(.missingHost)
        /// The host is neither a host name nor a standard IPv4 or bracketed IPv6 address.
        public static let invalidHost = Code(.invalidHost)
        /// The port is not a number from 1 to 65535.
        public static let invalidPort = Code(.invalidPort)
        /// The host is, or resolves to, an address webhooks may not reach (see ``WebhookURLError/addressClass``).
        public static let forbiddenAddress = Code(.forbiddenAddress)
        /// The host name does not resolve.
        public static let unresolvable = Code(.unresolvable)

        /// A short, stable name (`forbidden_address`).
        public var description: String { value.rawValue }
    }

    /// Why the URL was refused.
    public let code: Code
    /// What happened and what to do.
    public let message: String
    /// The forbidden address, for ``Code/forbiddenAddress``.
    public let address: IPAddress?
    /// The forbidden address's class, for ``Code/forbiddenAddress``.
    public let addressClass: IPAddressClass?
    /// The resolver's own message, for ``Code/unresolvable``.
    public let underlying: String?

    /// The message.
    public var description: String { message }

    init(
        code: Code, message: String, address: IPAddress? = nil, addressClass: IPAddressClass? = nil,
        underlying: String? = nil
    ) {
        self.code = code
        self.message = message
        self.address = address
        self.addressClass = addressClass
        self.underlying = underlying
    }

    static func tooLong(_ length: Int, maximum: Int) -> WebhookURLError {
        WebhookURLError(
            code: .tooLong,
            message: "The webhook URL is \(length) bytes long; the most allowed is \(maximum): use a shorter URL.")
    }
    static let invalidCharacters = WebhookURLError(
        code: .invalidCharacters,
        message:
            "The webhook URL holds spaces, control characters, backslashes or non-ASCII characters: percent-encode "
            + "them, and write an international domain name in its xn-- (punycode) form.")
    static let unsupportedScheme = WebhookURLError(
        code: .unsupportedScheme, message: "The webhook URL must start with https://.")
    static let insecureScheme = WebhookURLError(
        code: .insecureScheme,
        message: "The webhook URL uses http://: use https://, so deliveries and their signatures travel encrypted.")
    static let userInfo = WebhookURLError(
        code: .userInfo,
        message: "The webhook URL holds a user name or password (user:password@host): remove it; deliveries are "
            + "authenticated by their signature, which the receiver verifies with the subscription's secret.")
    static let fragment = WebhookURLError(
        code: .fragment, message: "The webhook URL holds a fragment (#…), which is never sent to a server: remove it.")
    static let missingHost = WebhookURLError(
        code: .missingHost, message: "The webhook URL has no host: write it as https://host/path.")
    static func invalidHost(_ reason: String) -> WebhookURLError {
        WebhookURLError(code: .invalidHost, message: "The webhook URL's host is not valid: \(reason).")
    }
    static let invalidPort = WebhookURLError(
        code: .invalidPort, message: "The webhook URL's port must be a number from 1 to 65535, or left out.")
    static func forbidden(
        _ address: IPAddress, _ addressClass: IPAddressClass, resolved: Bool, privateAllowed: Bool
    ) -> WebhookURLError {
        let verb = resolved ? "resolves to" : "points at"
        let hint =
            privateAllowed || addressClass == .linkLocal || addressClass == .reserved || addressClass == .multicast
                || addressClass == .broadcast || addressClass == .unspecified
            ? "" : " (private addresses can be allowed for local development only)"
        return WebhookURLError(
            code: .forbiddenAddress,
            message: "The webhook URL \(verb) \(address), \(addressClass): webhook URLs must reach the public internet"
                + hint + ".",
            address: address, addressClass: addressClass)
    }
    static func unresolvable(_ host: String, _ underlying: WebhookResolutionError) -> WebhookURLError {
        WebhookURLError(
            code: .unresolvable,
            message: "The webhook URL's host \(host) does not resolve (\(underlying.message)): check the spelling and "
                + "that it has a public DNS record.",
            underlying: underlying.message)
    }
}
