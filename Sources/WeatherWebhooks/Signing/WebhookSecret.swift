import Foundation

/// The shared key of one webhook subscription, in the Standard Webhooks form `whsec_<base64 key>`.
///
/// The service generates one per subscription and shows ``encoded`` to the user exactly once, at creation. Printing a
/// secret (`description`, `debugDescription`, string interpolation, `dump`) never reveals it.
///
/// ```swift
/// let secret = WebhookSecret.generate()
/// let shownOnce = secret.encoded                     // "whsec_…"
/// let again = try WebhookSecret(parsing: shownOnce)  // what a receiver does with it
/// ```
public struct WebhookSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The prefix Standard Webhooks puts before the base64 key.
    public static let prefix = "whsec_"
    /// How many random bytes ``generate()`` draws: 192 bits, as Standard Webhooks' own libraries do.
    public static let generatedKeyLength = 24
    /// The key lengths ``init(parsing:)`` accepts, in bytes.
    public static let acceptedKeyLengths: ClosedRange<Int> = 24...64

    /// The decoded key: the HMAC key.
    let key: [UInt8]

    private init(key: [UInt8]) {
        self.key = key
    }

    /// A new secret of ``generatedKeyLength`` bytes from the system's cryptographically secure generator.
    public static func generate() -> WebhookSecret {
        var generator = SystemRandomNumberGenerator()
        return WebhookSecret(key: (0..<generatedKeyLength).map { _ in generator.next() })
    }

    /// Reads a secret in the form `whsec_<base64>`, whose key is 24 to 64 bytes.
    ///
    /// - Throws: ``WebhookSecretError`` saying what is wrong, never quoting the secret.
    public init(parsing string: String) throws(WebhookSecretError) {
        guard string.hasPrefix(Self.prefix) else { throw .missingPrefix }
        guard let data = Data(base64Encoded: String(string.dropFirst(Self.prefix.count))) else {
            throw .invalidBase64
        }
        guard Self.acceptedKeyLengths.contains(data.count) else { throw .invalidLength(data.count) }
        self.init(key: [UInt8](data))
    }

    /// The secret as the user sees and stores it, `whsec_<base64>`: show it once, at creation, and never log it.
    public var encoded: String {
        Self.prefix + Data(key).base64EncodedString()
    }

    /// `WebhookSecret(redacted)`: the secret never reaches a log line through printing.
    public var description: String { "WebhookSecret(redacted)" }

    /// `WebhookSecret(redacted)`, as ``description``.
    public var debugDescription: String { description }

    /// A mirror without children, so `dump` and debuggers' summaries show no key bytes.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
