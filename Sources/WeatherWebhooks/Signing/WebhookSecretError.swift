/// A webhook secret could not be read. Never quotes the secret: it may end up in a log line.
public struct WebhookSecretError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for programs (a metric label, a switch in tests). Grows without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case missingPrefix = "missing_prefix"
            case invalidBase64 = "invalid_base64"
            case invalidLength = "invalid_length"
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The secret does not start with `whsec_`.
        public static let missingPrefix = Code(.missingPrefix)
        /// The part after `whsec_` is not standard, padded base64.
        public static let invalidBase64 = Code(.invalidBase64)
        /// The key decodes to fewer than 24 or more than 64 bytes.
        public static let invalidLength = Code(.invalidLength)

        /// A short, stable name (`invalid_base64`).
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// What happened and what to do, without the secret.
    public let message: String

    /// The message.
    public var description: String { message }

    static let missingPrefix = WebhookSecretError(
        code: .missingPrefix,
        message:
            "The webhook secret does not start with \"whsec_\": paste the whole secret as it was shown at creation.")
    static let invalidBase64 = WebhookSecretError(
        code: .invalidBase64,
        message: "The webhook secret is not valid base64 after \"whsec_\": copy it again without spaces or line breaks."
    )
    static func invalidLength(_ count: Int) -> WebhookSecretError {
        WebhookSecretError(
            code: .invalidLength,
            message: "The webhook secret's key is \(count) bytes; it must be 24 to 64: generate a new secret.")
    }
}
